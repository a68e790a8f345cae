import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where residents' files are kept: a storage puts, gets and deletes opaque objects by key (the
 * bytes are already sealed by files/sealing.ts). A folder in DATA_DIR on the embedded default, an
 * S3-compatible bucket when configured (files/s3.ts), memory for a server without a data folder
 * (tests). Each media_files row names the storage its object is in, so files written before a
 * change of storage stay readable (the folder stays registered beside a bucket).
 */
export interface FileStorage {
  /** Stored on each row: `folder`, `s3` or `memory`. */
  readonly name: string;
  /** For logs: where it is (a path, a bucket), never a secret. */
  describe(): string;
  put(key: string, bytes: Buffer): Promise<void>;
  /** null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /** Deleting an object that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** A storage that failed (not a missing object): `retryable` when trying again later may work. */
export class FileStorageError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'FileStorageError';
  }
}

/** Keys are ours (`<council>/<file id>`): letters, digits, '.', '_', '-' in '/'-separated segments, never '..'. */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(key) || key.split('/').some((s) => s === '.' || s === '..')) throw new Error(`not a file key: ${JSON.stringify(key)}`);
  return key;
}

export class MemoryStorage implements FileStorage {
  readonly name = 'memory';
  readonly objects = new Map<string, Buffer>();
  describe(): string {
    return 'memory (lost when the process stops)';
  }
  async put(key: string, bytes: Buffer): Promise<void> {
    this.objects.set(checkKey(key), Buffer.from(bytes));
  }
  async get(key: string): Promise<Buffer | null> {
    const b = this.objects.get(checkKey(key));
    return b ? Buffer.from(b) : null;
  }
  async delete(key: string): Promise<void> {
    this.objects.delete(checkKey(key));
  }
}

/** Files under one folder (FILES_DIR, default DATA_DIR/files): written to a temporary name and renamed, so a reader never sees half a file. */
export class FolderStorage implements FileStorage {
  readonly name = 'folder';
  constructor(readonly root: string) {}
  describe(): string {
    return this.root;
  }
  private pathOf(key: string): string {
    return path.join(this.root, ...checkKey(key).split('/'));
  }
  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytes(6).toString('hex')}.part`;
    try {
      await fs.writeFile(temp, bytes, { mode: 0o600 });
      await fs.rename(temp, file);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw new FileStorageError(`could not write ${key}: ${(err as Error).message}`, true);
    }
  }
  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new FileStorageError(`could not read ${key}: ${(err as Error).message}`, true);
    }
  }
  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

// ---- The process's storages (set once at start by api/server.ts, as the store's keyring is)

/** One per process: a server without a data folder (tests) keeps files here, and two such servers in one process share it. */
const memory = new MemoryStorage();
let writeTo: FileStorage = memory;
const byName = new Map<string, FileStorage>([[memory.name, memory]]);

/** New files go to `write`; rows naming any of `readable` (and memory) can still be read and deleted. */
export function useFileStorage(write: FileStorage, readable: FileStorage[] = []): void {
  writeTo = write;
  byName.clear();
  byName.set(memory.name, memory);
  for (const s of [...readable, write]) byName.set(s.name, s);
}

/** Where new files are written. */
export function currentFileStorage(): FileStorage {
  return writeTo;
}

/** The storage a row names; undefined when this process has no such storage configured. */
export function storageNamed(name: string): FileStorage | undefined {
  return byName.get(name);
}

/** The in-process storage of servers without a data folder (tests read it). */
export function memoryFileStorage(): MemoryStorage {
  return memory;
}
