const KEY = 'postplan.lastWorkspace';

export function readLastWorkspace(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberWorkspace(slug: string): void {
  try {
    window.localStorage.setItem(KEY, slug);
  } catch {
    // Storage blocked: the first workspace is used next time.
  }
}

/** The remembered workspace if the user still belongs to it, else the first one. */
export function pickWorkspace<T extends { slug: string }>(
  workspaces: readonly T[],
  remembered: string | null,
): T | undefined {
  return workspaces.find((w) => w.slug === remembered) ?? workspaces[0];
}
