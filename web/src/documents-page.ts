// Documents: the ingested reports with their counts, drag-and-drop (or keyboard) upload with progress, delete.
import { api, apiToken, type DocumentSummary } from './api.ts';
import { button, byId, h } from './dom.ts';
import { t } from './i18n.ts';
import { attempt, say } from './status.ts';

/** The file a report was read from, without the server's folders or the upload's hash prefix. */
const fileName = (path: string) => (path.split(/[\\/]/).pop() ?? '').replace(/^[0-9a-f]{16}-/, '');

export interface DocumentsEvents {
  /** Documents were added or removed: other views refresh what they cached. */
  changed(documents: DocumentSummary[]): void;
  showInGraph(documentId: string): void;
  read(documentId: string): void;
}

export class DocumentsPage {
  constructor(private readonly events: DocumentsEvents) {
    const zone = byId('drop-zone');
    const input = byId<HTMLInputElement>('upload-input');
    zone.addEventListener('click', () => input.click());
    zone.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      input.click();
    });
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('dragging');
      void attempt(() => this.uploadAll(Array.from(event.dataTransfer?.files ?? [])));
    });
    input.addEventListener('change', () => {
      void attempt(() => this.uploadAll(Array.from(input.files ?? []))).finally(() => (input.value = ''));
    });
    const token = byId<HTMLInputElement>('api-token');
    token.value = apiToken.get();
    token.addEventListener('change', () => apiToken.set(token.value.trim()));
  }

  async refresh(): Promise<DocumentSummary[]> {
    const { documents } = await api.documents();
    this.render(documents);
    return documents;
  }

  private render(documents: DocumentSummary[]): void {
    const rows = byId('document-rows');
    if (!documents.length) {
      rows.replaceChildren(h('tr', {}, h('td', { colspan: '7', class: 'muted' }, t('documents.empty'))));
      return;
    }
    rows.replaceChildren(
      ...documents.map((d) =>
        h(
          'tr',
          { 'data-document-id': d.id },
          h('td', { class: 'document-title' }, d.label),
          h('td', {}, d.place ?? ''),
          // The day delivered and by whom, when the report says; else the year alone.
          h('td', { class: 'delivered' }, d.date ?? d.year ?? '', d.speaker && h('span', { class: 'muted speaker' }, d.speaker)),
          h('td', { class: 'number' }, d.paragraphs),
          h('td', { class: 'number' }, d.tasks),
          h('td', { class: 'source-file' }, fileName(d.sourcePath)),
          h(
            'td',
            { class: 'row-actions' },
            button(t('documents.read'), () => this.events.read(d.id), { class: 'link' }),
            button(t('documents.show'), () => this.events.showInGraph(d.id), { class: 'link' }),
            button(t('documents.delete'), () => void attempt(() => this.remove(d)), {
              class: 'danger',
              'aria-label': `${t('documents.delete')} ${d.title}`,
            }),
          ),
        ),
      ),
    );
  }

  private async uploadAll(files: File[]): Promise<void> {
    for (const file of files) await this.upload(file);
    this.events.changed(await this.refresh());
  }

  private async upload(file: File): Promise<void> {
    const progress = byId<HTMLProgressElement>('upload-progress');
    const status = byId('upload-status');
    progress.hidden = false;
    progress.value = 0;
    status.textContent = t('documents.uploading', { name: file.name, percent: 0 });
    try {
      const result = await api.upload(file, (fraction) => {
        progress.value = Math.round(fraction * 100);
        status.textContent =
          fraction < 1
            ? t('documents.uploading', { name: file.name, percent: progress.value })
            : t('documents.ingesting', { name: file.name });
      });
      const { document } = result;
      status.textContent =
        document.status === 'ingested'
          ? t('documents.ingested', { title: document.title, paragraphs: document.paragraphs, tasks: document.tasks, ms: result.ms })
          : t('documents.unchanged', { title: document.title });
      say(status.textContent);
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      progress.hidden = true;
    }
  }

  private async remove(document: DocumentSummary): Promise<void> {
    if (!confirm(t('documents.confirmDelete', { title: document.title }))) return;
    await api.deleteDocument(document.id);
    say(t('documents.deleted', { title: document.title }));
    this.events.changed(await this.refresh());
  }
}
