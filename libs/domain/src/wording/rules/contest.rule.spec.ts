import { describe, expect, it } from '@jest/globals';
import { checkWording } from '../check-wording';

const rulesOf = (text: string, contestRulesPaths?: string[]) =>
  checkWording({
    text,
    platform: 'instagram',
    skipSpelling: true,
    ...(contestRulesPaths ? { context: { contestRulesPaths } } : {}),
  }).findings.filter((f) => f.rule === 'contest.rules-link');

describe('contest.rules-link', () => {
  const paths = ['/c/AbCdEfGhIjKlMnOpQrStUvWx/rules'];

  it('warns when a contest post lacks the link to its rules', () => {
    const findings = rulesOf('Gewinnspiel! Kommentiere und gewinne.\nViel Glück', paths);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', start: 0, end: 37 });
    expect(findings[0]!.message.de).toContain('Teilnahmebedingungen');
  });

  it('is satisfied by the rules link on any host, and says nothing for other posts', () => {
    expect(
      rulesOf(
        'Gewinnspiel! Bedingungen: https://plan.example/c/AbCdEfGhIjKlMnOpQrStUvWx/rules?lang=de',
        paths,
      ),
    ).toHaveLength(0);
    expect(
      rulesOf('Gewinnspiel! Bedingungen: https://plan.example/c/anderes/rules', paths),
    ).toHaveLength(1);
    expect(rulesOf('Ein ganz normaler Beitrag ohne Link')).toHaveLength(0);
  });
});
