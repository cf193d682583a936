// A plain status page until the Cytoscape UI lands: what is stored, and how to query it.
import type { DocumentSummary, StoreCounts } from '../../graph/store.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function statusPage(documents: DocumentSummary[], counts: StoreCounts, embedderMode: string): string {
  const rows = documents.map((d) => `<tr><td>${escape(d.title)}</td><td>${escape(d.place ?? '')}</td><td>${d.year ?? ''}</td><td>${d.paragraphs}</td><td>${d.tasks}</td><td><code>${d.id}</code></td></tr>`).join('');
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>PolicyGraph</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:2rem;max-width:60rem}td,th{padding:.2rem .6rem;text-align:left}</style></head>
<body><h1>PolicyGraph</h1>
<p>${counts.documents} documents, ${counts.nodes} nodes, ${counts.relationships} relationships; semantic search: ${embedderMode === 'semantic' ? 'on' : 'off (no model installed)'}.</p>
<table><tr><th>Title</th><th>Place</th><th>Year</th><th>Paragraphs</th><th>Tasks</th><th>Id</th></tr>${rows}</table>
<form action="/api/ask"><input name="q" size="50" placeholder="哪些任务涉及……？ / Which tasks involve …?"> <button>Ask (JSON)</button></form>
</body></html>`;
}
