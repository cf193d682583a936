// Ask: the question box and the cited answer; "show in graph" hands entities, tasks, passages or the whole
// answer to the Explore view.
import { api, type Answer, type Subgraph } from './api.ts';
import { renderAnswer } from './answer-view.ts';
import { byId } from './dom.ts';
import type { ExplorePage } from './explore-page.ts';
import { t } from './i18n.ts';
import { mentionSpansByParagraph } from './mentions.ts';
import { attempt, say } from './status.ts';

export class AskPage {
  private last: { answer: Answer; neighbourhoods: Subgraph[] } | null = null;

  constructor(private readonly explore: ExplorePage, private readonly openExplore: () => void) {
    byId('ask-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const question = byId<HTMLInputElement>('question').value.trim();
      if (!question) return;
      history.replaceState(null, '', `?q=${encodeURIComponent(question)}#ask`);
      const submit = byId<HTMLButtonElement>('ask-submit');
      submit.disabled = true;
      void attempt(() => this.ask(question)).finally(() => (submit.disabled = false));
    });
  }

  /** Shows a node in Explore, switching to it. */
  private inGraph(id: string): void {
    this.openExplore();
    void attempt(() => this.explore.showNode(id));
  }

  private async taskId(answer: Answer, documentId: string, number: number): Promise<string | undefined> {
    const drawn = answer.subgraph?.nodes.find((n) => n.label === 'Task' && n.properties.documentId === documentId && n.properties.number === number);
    if (drawn) return drawn.id;
    for (const id of new Set(answer.passages.flatMap((p) => (p.taskId ? [p.taskId] : [])))) {
      const node = await api.node(id);
      if (node.properties.documentId === documentId && node.properties.number === number) return id;
    }
    return undefined;
  }

  rerender(): void {
    if (this.last) this.render(this.last.answer, this.last.neighbourhoods);
  }

  private render(answer: Answer, neighbourhoods: Subgraph[]): void {
    renderAnswer(byId('answer'), answer, {
      documentTitle: (id) => this.explore.documentTitle(id),
      spans: mentionSpansByParagraph(neighbourhoods),
      showEntity: (id) => this.inGraph(id),
      showParagraph: (id) => this.inGraph(id),
      showTask: (documentId, number) => void attempt(async () => {
        const id = await this.taskId(answer, documentId, number);
        if (id) this.inGraph(id);
      }),
      showAnswerGraph: () => this.openExplore(),
    });
  }

  async ask(question: string): Promise<void> {
    byId<HTMLInputElement>('question').value = question;
    say(t('ask.searching'));
    const answer = await api.ask(question);
    const neighbourhoods = await Promise.all(answer.entities.map((e) => api.neighbourhood(e.id).catch(() => ({ nodes: [], edges: [] }))));
    this.last = { answer, neighbourhoods };
    this.render(answer, neighbourhoods);
    await this.explore.showAnswer(answer, neighbourhoods);
    say(t('ask.found', { tasks: answer.tasks.length, passages: answer.passages.length, ms: answer.ms }));
  }
}
