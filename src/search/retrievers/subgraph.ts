// Collects the nodes and edges a traversal used into one de-duplicated subgraph for display.
import type { GraphEdge, GraphNode, Subgraph } from '../../../graph/store.ts';
import type { Paragraph, Task } from '../../domain/schemas.ts';

/** Beyond this many nodes a drawing is unreadable; the first nodes added (the most relevant) are kept. */
const MAX_NODES = 200;

export class SubgraphCollector {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();

  addNode(node: GraphNode): void {
    if (this.nodes.size < MAX_NODES || this.nodes.has(node.id)) this.nodes.set(node.id, node);
  }

  addEdge(edge: GraphEdge): void {
    this.edges.set(edge.id, edge);
  }

  merge(subgraph: Subgraph): void {
    for (const node of subgraph.nodes) this.addNode(node);
    for (const edge of subgraph.edges) this.addEdge(edge);
  }

  addTaskParagraph(task: Task, paragraph: Paragraph): void {
    this.addNode({
      id: task.id,
      label: 'Task',
      name: `${task.number}. ${task.title}`,
      properties: { documentId: task.documentId, number: task.number, title: task.title, category: task.category, horizon: task.horizon },
    });
    this.addNode({
      id: paragraph.id,
      label: 'Paragraph',
      name: paragraph.text.slice(0, 24),
      properties: {
        documentId: paragraph.documentId,
        text: paragraph.text,
        sectionPath: paragraph.sectionPath,
        charStart: paragraph.charStart,
        charEnd: paragraph.charEnd,
      },
    });
    this.addEdge({
      id: `HAS_PARAGRAPH:${task.id}:${paragraph.id}`,
      type: 'HAS_PARAGRAPH',
      source: task.id,
      target: paragraph.id,
      properties: {},
    });
  }

  /** Only edges whose two ends are both kept. */
  build(): Subgraph {
    return {
      nodes: [...this.nodes.values()],
      edges: [...this.edges.values()].filter((e) => this.nodes.has(e.source) && this.nodes.has(e.target)),
    };
  }
}
