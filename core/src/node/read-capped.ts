import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { err, ok, type Result } from '../result';

export type ReadInputError = 'not-found' | 'is-a-directory' | 'permission-denied' | 'read-failed' | 'too-large';

/**
 * Reads a stream to its end, or stops once it has more than `maxBytes`: a 10 GB file or an endless
 * pipe must cost at most the cap in memory.
 */
export async function readCapped(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Result<Buffer, 'too-large'>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += bytes.length;
    if (size > maxBytes) return err('too-large', `The input has more than ${maxBytes} bytes.`);
    chunks.push(bytes);
  }
  return ok(Buffer.concat(chunks, size));
}

/** Reads a file, with the expected failures as values. Not only regular files: a FIFO (`<(cmd)`) works too. */
export async function readFileCapped(file: string, maxBytes: number): Promise<Result<Buffer, ReadInputError>> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return err('is-a-directory', `${file} is a directory.`);
    // Refuse before reading: the size of a regular file is known up front.
    if (info.isFile() && info.size > maxBytes) return err('too-large', `${file} has ${info.size} bytes; at most ${maxBytes} are read.`);
    const read = await readCapped(createReadStream(file), maxBytes);
    return read.ok ? read : err('too-large', `${file} has more than ${maxBytes} bytes.`);
  } catch (cause) {
    return fileError(file, cause);
  }
}

function fileError(file: string, cause: unknown): Result<never, ReadInputError> {
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  if (code === 'ENOENT' || code === 'ENOTDIR') return err('not-found', `${file} does not exist.`);
  if (code === 'EISDIR') return err('is-a-directory', `${file} is a directory.`);
  if (code === 'EACCES' || code === 'EPERM') return err('permission-denied', `${file} may not be read (permission denied).`);
  return err('read-failed', `${file} could not be read: ${cause instanceof Error ? cause.message : String(cause)}`);
}
