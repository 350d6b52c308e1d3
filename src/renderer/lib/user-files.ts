/**
 * Saving and opening the user's files through the contract's shell methods: Electron shows its
 * save and open dialogs; browser mode answers "page-download" / "page-upload" and the page does it
 * itself (a Blob download, a file input).
 */
import type { AtlasApi } from '../../shared/api';
import type { Result } from '../../shared/result';

const MIME = { json: 'application/json', markdown: 'text/markdown' } as const;

export type SaveOutcome = 'saved' | 'cancelled' | 'failed';

export async function saveUserFile(api: AtlasApi, suggestedName: string, content: string, kind: 'json' | 'markdown', report: (message: string) => void): Promise<SaveOutcome> {
  const result = await api.shell.saveFile({ suggestedName, content, kind });
  if (!result.ok) {
    report(result.error.message);
    return 'failed';
  }
  if (result.value.how === 'page-download') {
    const url = URL.createObjectURL(new Blob([content], { type: `${MIME[kind]};charset=utf-8` }));
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return 'saved';
  }
  return result.value.how === 'saved' ? 'saved' : 'cancelled';
}

/** The content of a file the user picks, or null when they cancel. */
export async function openUserFile(api: AtlasApi): Promise<Result<{ name: string; content: string } | null>> {
  const result = await api.shell.openFile({ kind: 'json' });
  if (!result.ok) return result;
  if (result.value.how === 'opened') return { ok: true, value: { name: result.value.name, content: result.value.content } };
  if (result.value.how === 'cancelled') return { ok: true, value: null };
  return { ok: true, value: await pickInPage() };
}

function pickInPage(): Promise<{ name: string; content: string } | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/json,.json';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      void file.text().then((content) => resolve({ name: file.name, content }));
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}
