import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { CsrfError } from './request-context.ts';

/** Upload limits for every multipart form (a route may raise them: see uploadsTo). */
export const multipartLimits = { fileSize: 10 * 1024 * 1024, files: 1, fields: 40, parts: 41 };

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A folder the route's files are written to as they arrive, rather than held in memory: for
     * large files, with a larger `multipartOptions.limits.fileSize`. What the route leaves there
     * is deleted once the response is sent.
     */
    uploadsTo?: string;
    /** For a form taking several files: what its page about too many files says and leads back to. */
    tooManyFiles?: TooManyFiles;
  }
}

export interface TooManyFiles {
  /** The command that takes any number of files, in a sentence. */
  commandLine: string;
  backHref: (request: FastifyRequest) => string;
  backText: string;
}

export interface ReceivedFile {
  fieldname: string;
  filename: string;
  /** The content, for a route that keeps files in memory (empty otherwise). */
  data: Buffer;
  /** Where the content was written, for a route with uploadsTo; move it to keep it. */
  path?: string;
  size: number;
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
  const folder = this.routeOptions.config.uploadsTo;
  const file = folder ? await toDisk(part, folder) : await toMemory(part);
  received.set(this, [...(received.get(this) ?? []), file]);
}

async function toMemory(part: MultipartFile): Promise<ReceivedFile> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const tooLarge = part.file.truncated;
  const data = tooLarge ? Buffer.alloc(0) : Buffer.concat(chunks);
  return { fieldname: part.fieldname, filename: part.filename, data, size: data.length, tooLarge };
}

async function toDisk(part: MultipartFile, folder: string): Promise<ReceivedFile> {
  mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `${randomUUID()}.part`);
  const output = createWriteStream(target, { mode: 0o600 });
  try {
    await pipeline(part.file, output);
  } catch (error) {
    // The sender went away mid-file: nothing half-written is left behind.
    rmSync(target, { force: true });
    throw error;
  }
  const tooLarge = part.file.truncated;
  if (tooLarge) rmSync(target, { force: true });
  return {
    fieldname: part.fieldname,
    filename: part.filename,
    data: Buffer.alloc(0),
    ...(tooLarge ? {} : { path: target }),
    size: output.bytesWritten,
    tooLarge,
  };
}

/** Deletes what a request's files left in their folder (a file the route moved is already gone). */
export function removeUnclaimedUploads(request: FastifyRequest): void {
  for (const file of received.get(request) ?? []) if (file.path) rmSync(file.path, { force: true });
}

/**
 * The file's extension in lower case; for a gzipped file (only text is read gzipped), that of the
 * text inside with ".gz" (".rpt.gz", whose columns are lined up), ".csv.gz" when it is not text's.
 */
export function uploadExtension(name: string): string {
  const lower = name.toLowerCase();
  if (!lower.endsWith('.gz')) return path.extname(lower);
  const inside = path.extname(lower.slice(0, -3));
  return ['.txt', '.tsv', '.rpt'].includes(inside) ? `${inside}.gz` : '.csv.gz';
}

/** A size limit in words: "1 GB", "500 MB", "10 MB". */
export const sizeInWords = (bytes: number): string => {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GB` : `${Math.round(mb)} MB`;
};

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
