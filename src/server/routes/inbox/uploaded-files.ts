/** Letters and emails arrive base64-encoded in JSON; the services read bytes. */
export function decodeUploads(files: { name: string; content_base64: string }[]): { name: string; bytes: Buffer }[] {
  return files.map((f) => ({ name: f.name, bytes: Buffer.from(f.content_base64, 'base64') }));
}
