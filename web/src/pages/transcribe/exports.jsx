// The transcript's exports: the response's additional_formats ({requested_format, file_extension, content_type,
// is_base64_encoded, content}), each a download button. DOCX and PDF arrive base64-encoded, the rest as text.
import { download } from '../../api.js';

/** The formats the server's additional_formats supports (TranscriptExports.SUPPORTED). */
export const EXPORT_FORMATS = [
  { id: 'srt', label: 'SubRip (.srt)' },
  { id: 'txt', label: 'Text (.txt)' },
  { id: 'docx', label: 'Word (.docx)' },
  { id: 'pdf', label: 'PDF (.pdf)' },
  { id: 'html', label: 'HTML (.html)' },
  { id: 'segmented_json', label: 'Segmented JSON (.json)' },
];

/** An additional_formats entry as a Blob of its content type. */
export function exportBlob(f) {
  const type = f.content_type || 'application/octet-stream';
  if (!f.is_base64_encoded) return new Blob([f.content ?? ''], { type });
  const bin = atob(f.content || '');
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export function Exports({ formats, base }) {
  if (!formats.length) return null;
  return (
    <div class="exports">
      <h3>Downloads</h3>
      <div class="row">
        {formats.map((f) => {
          const ext = f.file_extension || f.requested_format;
          return (
            <button type="button" class="secondary" title={EXPORT_FORMATS.find((x) => x.id === f.requested_format)?.label}
              onClick={() => download(exportBlob(f), `${base}.${ext}`)}>
              Download {f.requested_format === 'segmented_json' ? 'segmented JSON' : ext.toUpperCase()}
            </button>
          );
        })}
      </div>
    </div>
  );
}
