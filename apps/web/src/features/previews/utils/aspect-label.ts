const KNOWN: readonly [number, string][] = [
  [9 / 16, '9:16'],
  [1 / 2, '1:2'],
  [1 / 2.1, '1:2.1'],
  [3 / 4, '3:4'],
  [4 / 5, '4:5'],
  [8 / 9, '8:9'],
  [1, '1:1'],
  [16 / 9, '16:9'],
  [1.91, '1.91:1'],
  [2, '2:1'],
];

/** A frame's width / height as people name it ("4:5"), or as a ratio to one ("1.33:1"). */
export function aspectLabel(aspect: number): string {
  const known = KNOWN.find(([value]) => Math.abs(value - aspect) < 0.005);
  if (known) return known[1];
  return aspect >= 1 ? `${aspect.toFixed(2)}:1` : `1:${(1 / aspect).toFixed(2)}`;
}
