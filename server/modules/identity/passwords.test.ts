import { describe, expect, it } from 'vitest';
import { oneTimePassword, passwordProblem } from './passwords.ts';

describe('one-time passwords', () => {
  it('always satisfy the rules for their username, even a short one most random strings would contain', () => {
    // about four in ten random 16-character strings contain an "a" or "A": none may here
    for (const username of ['a', 'dw5', 'dw12']) {
      for (let i = 0; i < 300; i++) {
        const p = oneTimePassword(username);
        expect(passwordProblem(p, username), `${username}: ${p}`).toBeNull();
        expect(p).toMatch(/^[A-Za-z0-9]{16}$/);
      }
    }
  });
});
