// Prints a command's result: one JSON document with --json, a short human-readable text otherwise.
export function printResult(command: string, result: unknown, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  process.stdout.write(`${humanReadable(command, result as Record<string, unknown>)}\n`);
}

function humanReadable(command: string, result: Record<string, unknown>): string {
  const lines: string[] = [];
  switch (command) {
    case 'ingest': {
      const r = result as {
        documents: Array<{ id: string; title: string; paragraphs: number; tasks: number; status: string }>;
        entities: Record<string, number>;
        observations: number;
        relations: number;
        skipped: number;
        ms: number;
      };
      for (const d of r.documents) lines.push(`${d.status.padEnd(9)} ${d.id}  ${d.title}  (${d.paragraphs} paragraphs, ${d.tasks} tasks)`);
      lines.push(
        `entities ${Object.entries(r.entities)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}; observations ${r.observations}; relations ${r.relations}; skipped ${r.skipped}; ${r.ms} ms`,
      );
      break;
    }
    case 'ask': {
      const r = result as {
        entities: Array<{ name: string; type: string }>;
        tasks: Array<{ number: number; title: string }>;
        passages: Array<{ text: string; retrievers: string[]; documentId: string; charStart: number }>;
        notes: string[];
      };
      if (r.entities.length) lines.push(`entities: ${r.entities.map((e) => `${e.name} (${e.type})`).join(', ')}`);
      for (const t of r.tasks) lines.push(`task ${t.number}: ${t.title}`);
      r.passages
        .slice(0, 5)
        .forEach(
          (p, i) => void lines.push(`[${i + 1}] ${p.text.slice(0, 120)}…  (${p.retrievers.join('+')}; ${p.documentId}@${p.charStart})`),
        );
      lines.push(...r.notes.map((n) => `note: ${n}`));
      break;
    }
    case 'entities': {
      const r = result as { entities: Array<{ name: string; type: string; kind: string | null; aliases: string[]; mentions: number }> };
      for (const e of r.entities) lines.push(`${e.name}\t${e.type}${e.kind ? `/${e.kind}` : ''}\t${e.mentions}\t${e.aliases.join('、')}`);
      break;
    }
    case 'observations': {
      const r = result as {
        observations: Array<{ indicator: string; value: number; unit: string; kind: string; period: string; comparator: string | null }>;
      };
      for (const o of r.observations)
        lines.push(`${o.period}\t${o.kind}\t${o.indicator}\t${o.value}${o.unit}${o.comparator ? ` ${o.comparator}` : ''}`);
      break;
    }
    default:
      lines.push(JSON.stringify(result, null, 2));
  }
  return lines.join('\n');
}
