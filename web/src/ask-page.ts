// Ask: the question box and the answer; entities, tasks and the whole answer go to Explore, citations to the
// report reader.
import { api, type Answer, type Subgraph } from './api.ts';
import { renderAnswer } from './answer-view.ts';
import { byId } from './dom.ts';
import type { ExplorePage } from './explore-page.ts';
import { t } from './i18n.ts';
import { mentionSpansByParagraph } from './mentions.ts';
import type { ReaderTarget } from './reader-page.ts';
import { attempt, say } from './status.ts';

export interface AskActions {
  /** The user asked: the URL records the question. */
  asked(question: string): void;
  openExplore(): void;
  openReport(documentId: string, target: ReaderTarget): void;
}

export class AskPage {
  private last: { answer: Answer; neighbourhoods: Subgraph[] } | null = null;

  constructor(
    private readonly explore: ExplorePage,
    private readonly actions: AskActions,
  ) {
    byId('ask-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const question = byId<HTMLInputElement>('question').value.trim();
      if (!question) return;
      this.actions.asked(question);
      const submit = byId<HTMLButtonElement>('ask-submit');
      submit.disabled = true;
      void attempt(() => this.ask(question)).finally(() => (submit.disabled = false));
    });
  }

  get question(): string | null {
    return this.last?.answer.question ?? null;
  }

  /** Shows a node in Explore, switching to it. */
  private inGraph(id: string): void {
    this.actions.openExplore();
    void attempt(() => this.explore.showNode(id));
  }

  private async taskId(answer: Answer, documentId: string, number: number): Promise<string | undefined> {
    const drawn = answer.subgraph?.nodes.find(
      (n) => n.label === 'Task' && n.properties.documentId === documentId && n.properties.number === number,
    );
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
      spans: mentionSpansByParagraph(neighbourhoods),
      showEntity: (id) => this.inGraph(id),
      showTask: (documentId, number) =>
        void attempt(async () => {
          const id = await this.taskId(answer, documentId, number);
          if (id) this.inGraph(id);
        }),
      showAnswerGraph: () => this.actions.openExplore(),
      openReport: (documentId, target) => this.actions.openReport(documentId, target),
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
