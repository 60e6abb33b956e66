import { hash, verify, type Algorithm } from '@node-rs/argon2';

// Algorithm is an ambient const enum; 2 is Argon2id.
const argon2id = 2 as Algorithm;

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const options = { algorithm: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so a missing account cannot be told apart by timing.
    await hash(password, options);
    return false;
  }
  return verify(passwordHash, password);
}
