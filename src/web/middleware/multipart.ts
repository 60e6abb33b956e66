import { timingSafeEqual } from 'node:crypto';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { CsrfError } from './request-context.ts';

/** Upload limits for every multipart form. */
export const multipartLimits = { fileSize: 10 * 1024 * 1024, files: 1, fields: 40, parts: 41 };

export interface ReceivedFile {
  fieldname: string;
  filename: string;
  data: Buffer;
  /** True when the file was bigger than the limit; its content is then dropped. */
  tooLarge: boolean;
}

const received = new WeakMap<FastifyRequest, ReceivedFile[]>();

/** Compares a sent token with the request's token as the global CSRF check does. */
export function isValidCsrfToken(request: FastifyRequest, sent: unknown): boolean {
  if (typeof sent !== 'string' || !request.csrfToken) return false;
  const left = Buffer.from(sent);
  const right = Buffer.from(request.csrfToken);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The `_csrf` field, only if it came before the file. Parts are added to `fields` as they arrive,
 * so key order is stream order (busboy may already have read small fields after the file).
 */
function csrfBeforeFile(part: MultipartFile): unknown {
  const names = Object.keys(part.fields);
  const field = part.fields._csrf;
  if (!field || Array.isArray(field) || names.indexOf('_csrf') > names.indexOf(part.fieldname))
    return undefined;
  return 'value' in field ? field.value : undefined;
}

/**
 * Called by @fastify/multipart for each file part. The CSRF field must come before the file in the
 * form, and is checked before a byte of the file is kept: a forged upload is refused unread. (The
 * global check then sees the same `_csrf` field in the body, so a multipart form without a file
 * is checked too.)
 */
export async function receiveFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
  if (!isValidCsrfToken(this, csrfBeforeFile(part))) {
    part.file.resume();
    throw new CsrfError('Missing or wrong CSRF token before the file of a multipart form');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const tooLarge = part.file.truncated;
  const file = {
    fieldname: part.fieldname,
    filename: part.filename,
    data: tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks),
    tooLarge,
  };
  received.set(this, [...(received.get(this) ?? []), file]);
}

/** A browser sends an empty, unnamed part for a file input left empty. */
const isChosen = (file: ReceivedFile): boolean =>
  file.filename !== '' || file.data.length > 0 || file.tooLarge;

/** The file sent in `field`, or null when the form had none. */
export function uploadedFile(request: FastifyRequest, field: string): ReceivedFile | null {
  const file = received.get(request)?.find((f) => f.fieldname === field);
  return file && isChosen(file) ? file : null;
}

/** Every file sent in `field` (an input that takes several), in the order sent. */
export function uploadedFiles(request: FastifyRequest, field: string): ReceivedFile[] {
  return (received.get(request) ?? []).filter((f) => f.fieldname === field && isChosen(f));
}
