/**
 * Files in web chat: POST /api/v1/conversations/:id/files (the body is the file itself, its type in
 * Content-Type, its name in ?name=) answers with what was kept and the assistant's reply; a refused
 * file is a problem (413 too large, 415 a type not kept, 422 damaged) whose detail tells the resident why.
 */
import { z } from 'zod';
import { outboundMessage } from './chat.js';

export const uploadedFile = z.strictObject({
  id: z.string(),
  kind: z.enum(['photo', 'file', 'voice note']),
  contentType: z.string(),
  size: z.number().int(),
  name: z.string().nullable(),
  /** What was taken out before it was kept ("EXIF (GPS location, camera make and model)", "XMP"...). */
  metadataRemoved: z.array(z.string()),
});

export const uploadFileResponse = z.strictObject({ file: uploadedFile, messages: z.array(outboundMessage) });

export type UploadedFile = z.infer<typeof uploadedFile>;
export type UploadFileResponse = z.infer<typeof uploadFileResponse>;
