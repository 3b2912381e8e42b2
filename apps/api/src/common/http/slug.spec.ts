import { slugify } from './slug';

describe('slugify', () => {
  it('spells German umlauts and ß out', () => {
    expect(slugify('Müller & Söhne Großhandel')).toBe('mueller-soehne-grosshandel');
  });
  it('drops accents and stray punctuation', () => {
    expect(slugify('  Café Zürich!! ')).toBe('cafe-zuerich');
  });
  it('never yields an empty or one-letter slug', () => {
    expect(slugify('!!!')).toBe('workspace');
    expect(slugify('A')).toBe('workspace-a');
  });
});
