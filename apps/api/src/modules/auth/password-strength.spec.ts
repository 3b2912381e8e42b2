import { AuthError } from './auth.errors';
import { assertStrongPassword } from './password-strength';

function refusal(password: string, context: string[] = []) {
  try {
    assertStrongPassword(password, context);
    return null;
  } catch (e) {
    return e instanceof AuthError ? { code: e.code, details: e.details } : e;
  }
}

describe('assertStrongPassword', () => {
  it('refuses short passwords with their own reason', () => {
    expect(refusal('Xy7!kq9')).toMatchObject({
      code: 'WEAK_PASSWORD',
      details: { reason: 'too_short', minLength: 10 },
    });
  });

  it.each(['password123', '1234567890', 'qwertzuiop', 'iloveyou12', 'aaaaaaaaaaaa'])(
    'refuses the common or patterned %s, long enough as it is',
    (password) => {
      expect(refusal(password)).toMatchObject({
        code: 'WEAK_PASSWORD',
        details: { reason: 'too_common' },
      });
    },
  );

  it("refuses a password built from the person's own name or address", () => {
    expect(refusal('beispielanna')).toBeNull();
    expect(refusal('beispielanna', ['anna.beispiel@example.com', 'Anna Beispiel'])).toMatchObject({
      details: { reason: 'too_common' },
    });
  });

  it('accepts phrases of unrelated words', () => {
    expect(refusal('morgens-kaffee-abends-tee')).toBeNull();
    expect(refusal('correct-horse-battery')).toBeNull();
  });
});
