/**
 * Password hashing (argon2id via @node-rs/argon2) and the password rules.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** Hashes a password with argon2id and its default parameters (memory 19 MiB, 2 passes). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against its stored hash; a malformed hash is a mismatch, not an error. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * The password rules, as a Chinese message naming what is wrong, or null when the password is
 * acceptable: at least 10 characters, with letters and digits, not the username.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < 10) return '密码至少需要10个字符';
  if (password.length > 200) return '密码不能超过200个字符';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码必须同时包含字母和数字';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/**
 * A random one-time password that satisfies the rules for this username (letters and digits, 16
 * characters, never containing the username — a short one like `dw12` would otherwise turn up now
 * and then and make the account's creation fail).
 */
export function oneTimePassword(username: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  for (;;) {
    const bytes = randomBytes(16);
    let out = '';
    for (const b of bytes) out += alphabet[b % alphabet.length];
    if (passwordProblem(out, username) === null) return out;
  }
}
