/**
 * Residents' files (photos, PDFs, voice notes): checked by their bytes, metadata stripped, sealed
 * under the data keys, kept in a storage (a folder in DATA_DIR, or an S3-compatible bucket), read
 * back for agents, and shared with back offices and Open311 clients through short-lived signed links.
 * Uses store/ alone; used by channels/ (MMS, WhatsApp) and api/ (the web chat upload, the file routes).
 */
export {
  FILE_MAX_BYTES,
  FILE_MAX_DESCRIPTION,
  PHOTOS_AND_PDF,
  PHOTOS_AND_PDF_DESCRIPTION,
  VOICE_NOTE_TYPES,
  FileRefused,
  baseType,
  checkFile,
  describeType,
  kindOf,
  kindSentAs,
  sniffType,
  tooLarge,
  type FileKind,
} from './checks.js';
export { stripMetadata, type Stripped } from './strip.js';
export { openSealedFile, sealFile, sealedFileKeyId } from './sealing.js';
export { FileStorageError, FolderStorage, MemoryStorage, currentFileStorage, memoryFileStorage, storageNamed, useFileStorage, type FileStorage } from './storage.js';
export { S3Storage, type S3Settings } from './s3.js';
export { EMPTY_SHA256, sha256Hex, signV4, type Credentials } from './sigv4.js';
export { configureFiles, filesConfigFromEnv, FilesConfigError, type FilesConfig } from './config.js';
export { attachFilesToCases, caseFileLinks, caseFiles, casePhotoLinks, cleanName, consoleFileUrl, filesOfCases, keepFile, objectKeyOf, openFile, refuseFile, type IncomingFile, type KeepOutcome } from './keep.js';
export { checkFileLink, DEFAULT_LINK_TTL_SECONDS, filePath, MAX_LINK_TTL_SECONDS, signedFileUrl, type LinkCheck } from './links.js';
export { moveInlineFiles, resealStoredFiles, sweepDeletedFiles } from './maintenance.js';
export { fileKeptReply, fileRefusedReply, type FileContext } from './replies.js';
