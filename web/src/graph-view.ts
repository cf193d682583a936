// The Cytoscape graph: merges subgraphs from the API, hides labels, marks path ends and highlights paths.
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphEdge, GraphNode, Subgraph } from './api.ts';
import { colourOf, FONT_STACK, LABELS, shapeOf } from './labels.ts';

cytoscape.use(fcose);
/** Hidden by the type filter or by the document filter; either hides the node and its edges. */
const HIDDEN = '.filtered, .other-document';

export interface GraphViewEvents {
  nodeTapped(node: GraphNode): void;
  edgeTapped(edge: GraphEdge): void;
  expandRequested(nodeId: string): void;
  backgroundTapped(): void;
  changed(): void;
  /** The hover text of a node or an edge. */
  describe(item: { node: GraphNode } | { edge: GraphEdge }): string;
  /** The short caption drawn along an edge. */
  edgeCaption(edge: GraphEdge): string;
}

/** Paragraph names are the start of their text: a few characters identify them, the panel shows the rest. */
const labelChars = (label: string) => (label === 'Paragraph' || label === 'Observation' ? 8 : 12);
const MAX_FIT_ZOOM = 1.4;
/** Below this zoom labels grow (up to MAX_LABEL_SCALE times) to stay about as large on screen. */
const LABEL_ZOOM = 0.9;
const MAX_LABEL_SCALE = 1.8;
function shortName(node: GraphNode): string {
  const chars = labelChars(node.label);
  return node.name.length > chars ? `${node.name.slice(0, chars - 1)}…` : node.name;
}

/**
 * Label sizes grow by `labelScale` when the view is zoomed out, so a fitted graph of a few dozen nodes keeps
 * readable labels instead of shrinking them with everything else.
 */
const styleFor = (labelScale: number): StylesheetJson => [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      label: 'data(short)',
      'font-family': FONT_STACK,
      'font-size': 13 * labelScale,
      color: '#0f172a',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'text-background-shape': 'roundrectangle',
      width: 24,
      height: 24,
      'border-width': 1.5,
      'border-color': '#ffffff',
      'min-zoomed-font-size': 7,
    },
  },
  ...LABELS.map((label) => ({ selector: `node[label = "${label}"]`, style: { shape: shapeOf(label) } })),
  { selector: 'node[label = "Task"]', style: { width: 28, height: 20 } },
  {
    selector: 'node[label = "Paragraph"]',
    style: { width: 16, height: 16, 'font-size': 11 * labelScale, color: '#475569', 'min-zoomed-font-size': 10 },
  },
  { selector: 'node[label = "Document"]', style: { width: 30, height: 30 } },
  { selector: 'node[label = "Section"]', style: { width: 24, height: 22 } },
  { selector: 'node[label = "Initiative"]', style: { width: 26, height: 26 } },
  { selector: 'node[label = "Observation"]', style: { width: 18, height: 18, 'font-size': 11 * labelScale } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#cbd5e1',
      'target-arrow-color': '#cbd5e1',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.7,
      'curve-style': 'bezier',
      'font-family': FONT_STACK,
      'font-size': 10 * labelScale,
      color: '#334155',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-rotation': 'autorotate',
    },
  },
  // Every edge says what it is once zoomed in enough to read it; the hover text says it at any zoom.
  { selector: 'edge', style: { label: 'data(caption)', 'font-size': 9 * labelScale, 'min-zoomed-font-size': 8, color: '#64748b' } },
  { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dashed' } },
  { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#0f172a' } },
  { selector: 'edge:selected', style: { 'line-color': '#0f172a', 'target-arrow-color': '#0f172a', width: 2.5 } },
  { selector: 'node.path-end', style: { 'border-width': 4, 'border-color': '#f97316' } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#ea580c', 'z-index': 10, 'min-zoomed-font-size': 0 } },
  {
    selector: 'edge.on-path',
    style: { 'line-color': '#ea580c', 'target-arrow-color': '#ea580c', width: 3.5, 'z-index': 10, 'min-zoomed-font-size': 0 },
  },
  { selector: '.faded', style: { opacity: 0.2 } },
  { selector: HIDDEN, style: { display: 'none' } },
];

export class GraphView {
  readonly cy: Core;
  private readonly hiddenLabels = new Set<string>();
  /** Nodes of reports not shown are hidden; entities (shared across reports) always stay. Null shows every report. */
  private documentFilter: Set<string> | null = null;
  /** Ids of the last two tapped elements (null for the background), to tell a double tap on one node. */
  private lastTaps: Array<string | null> = [null, null];
  private labelScale = 1;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: GraphViewEvents,
  ) {
    this.cy = cytoscape({ container, style: styleFor(1), minZoom: 0.15, maxZoom: 4, boxSelectionEnabled: false });
    this.cy.on('zoom', () => this.scaleLabels());
    this.cy.on('tap', (e) => {
      const onBackground = e.target === this.cy;
      this.lastTaps = [this.lastTaps[1], onBackground ? null : e.target.id()];
      if (onBackground) events.backgroundTapped();
      else if (e.target.isNode()) events.nodeTapped(e.target.data('node') as GraphNode);
      else events.edgeTapped(e.target.data('edge') as GraphEdge);
    });
    // Cytoscape reports any two quick taps as a double tap, even on two different nodes.
    this.cy.on('dbltap', 'node', (e) => {
      if (this.lastTaps.every((id) => id === e.target.id())) events.expandRequested(e.target.id());
    });
    this.cy.on('add remove', () => events.changed());
    // Canvas drawings have no title attribute: the frame's own tooltip describes what the pointer is over.
    this.cy.on('mouseover', 'node, edge', (e) =>
      container.setAttribute(
        'title',
        events.describe(e.target.isNode() ? { node: e.target.data('node') } : { edge: e.target.data('edge') }),
      ),
    );
    this.cy.on('mouseout', 'node, edge', () => container.removeAttribute('title'));
  }

  /** Edge captions follow the interface language. */
  recaption(): void {
    this.cy.batch(() => this.cy.edges().forEach((e) => void e.data('caption', this.events.edgeCaption(e.data('edge') as GraphEdge))));
  }

  /** The drawing as a PNG data URL (white background, twice the screen resolution). */
  png(): string {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff' });
  }

  /** The nodes and edges on screen (not those filtered away) as GraphML, for Gephi, yEd or Cytoscape desktop. */
  graphml(): string {
    const escapeXml = (value: unknown) => String(value ?? '').replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const visible = this.cy.elements().not(HIDDEN);
    const nodes = visible.nodes().map((n) => n.data('node') as GraphNode);
    const edges = visible.edges().map((e) => e.data('edge') as GraphEdge);
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="label" for="node" attr.name="label" attr.type="string"/>',
      '<key id="name" for="node" attr.name="name" attr.type="string"/>',
      '<key id="type" for="edge" attr.name="type" attr.type="string"/>',
      '<graph edgedefault="directed">',
      ...nodes.map(
        (n) =>
          `<node id="${escapeXml(n.id)}"><data key="label">${escapeXml(n.label)}</data><data key="name">${escapeXml(n.name)}</data></node>`,
      ),
      ...edges.map(
        (e) =>
          `<edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"><data key="type">${escapeXml(e.type)}</data></edge>`,
      ),
      '</graph>',
      '</graphml>',
      '',
    ].join('\n');
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  node(id: string): GraphNode | undefined {
    const element = this.cy.getElementById(id);
    return element.nonempty() ? (element.data('node') as GraphNode) : undefined;
  }

  counts(): { nodes: number; edges: number; hidden: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length, hidden: this.cy.nodes(HIDDEN).length };
  }

  clear(): void {
    this.cy.elements().remove();
  }

  /**
   * Adds the subgraph's new nodes and every edge whose ends are both present; new nodes start in a ring
   * around `around` (the expanded node) so the layout keeps the existing picture. Returns the added node ids.
   */
  merge(subgraph: Subgraph, options: { around?: string; onlyEdgesToExisting?: boolean } = {}): string[] {
    const centre = options.around ? this.cy.getElementById(options.around) : undefined;
    const origin = centre?.nonempty() ? centre.position() : { x: 0, y: 0 };
    const fresh = subgraph.nodes.filter((n) => !this.has(n.id));
    const radius = 60 + fresh.length * 4;
    const definitions: ElementDefinition[] = fresh.map((n, i) => ({
      group: 'nodes',
      data: { id: n.id, label: n.label, short: shortName(n), colour: colourOf(n.label), node: n },
      position: {
        x: origin.x + radius * Math.cos((2 * Math.PI * i) / fresh.length),
        y: origin.y + radius * Math.sin((2 * Math.PI * i) / fresh.length),
      },
      classes: [this.hiddenLabels.has(n.label) ? 'filtered' : '', this.isOtherDocument(n) ? 'other-document' : ''].join(' ').trim(),
    }));
    this.cy.batch(() => {
      this.cy.add(definitions);
      const edges = subgraph.edges.filter((e) => !this.has(e.id) && this.has(e.source) && this.has(e.target));
      this.cy.add(
        edges.map((e) => ({
          group: 'edges' as const,
          data: { id: e.id, source: e.source, target: e.target, type: e.type, caption: this.events.edgeCaption(e), edge: e },
        })),
      );
    });
    return fresh.map((n) => n.id);
  }

  /** fcose force-directed layout of what is visible, starting from the current positions (incremental). */
  layout(): void {
    const visible = this.cy.elements().not(HIDDEN);
    if (!visible.length) return;
    const layout = visible.layout({
      name: 'fcose',
      quality: 'default',
      randomize: false,
      animate: false,
      fit: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 70,
      nodeRepulsion: () => 6500,
      gravity: 0.4,
      numIter: 2500,
      packComponents: true,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      this.turnToFrame();
      this.fit();
    });
    layout.run();
  }

  /**
   * A force layout has no preferred direction, but the frame does: the drawing is turned a quarter when that
   * lets it be fitted larger, so labels stay readable.
   */
  private turnToFrame(): void {
    const nodes = this.cy.nodes().not(HIDDEN);
    const box = nodes.boundingBox();
    const [width, height] = [this.cy.width(), this.cy.height()];
    if (Math.min(width / box.h, height / box.w) <= Math.min(width / box.w, height / box.h)) return;
    nodes.positions((node) => {
      const at = (node as NodeSingular).position();
      return { x: at.y, y: -at.x };
    });
  }

  fit(): void {
    this.cy.fit(this.cy.elements().not(HIDDEN), 30);
    this.limitZoom();
  }

  /** Zooms about the centre of the frame (the +/− buttons). */
  zoomBy(factor: number): void {
    const zoom = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({ level: zoom, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** The frame was hidden (another view) or resized: Cytoscape must measure it again. */
  resize(): void {
    this.cy.resize();
  }

  private isOtherDocument(node: GraphNode): boolean {
    const documentId = node.label === 'Document' ? node.id : node.properties.documentId;
    return this.documentFilter !== null && typeof documentId === 'string' && !this.documentFilter.has(documentId);
  }

  setDocumentFilter(documentIds: Set<string> | null): void {
    this.documentFilter = documentIds;
    this.cy.batch(() =>
      this.cy.nodes().forEach((n) => {
        n.toggleClass('other-document', this.isOtherDocument(n.data('node') as GraphNode));
      }),
    );
  }

  /** Restyles only when the scale moves a tenth, so zooming with the wheel stays smooth. */
  private scaleLabels(): void {
    const scale = Math.round(Math.min(MAX_LABEL_SCALE, Math.max(1, LABEL_ZOOM / this.cy.zoom())) * 10) / 10;
    if (scale === this.labelScale) return;
    this.labelScale = scale;
    this.cy.style(styleFor(scale));
  }

  /** A few nodes fitted to the frame would be drawn huge; keep them at a readable size instead. */
  private limitZoom(): void {
    if (this.cy.zoom() <= MAX_FIT_ZOOM) return;
    this.cy.zoom(MAX_FIT_ZOOM);
    this.cy.center();
  }

  setLabelVisible(label: string, visible: boolean): void {
    if (visible) this.hiddenLabels.delete(label);
    else this.hiddenLabels.add(label);
    this.cy.nodes(`[label = "${label}"]`).toggleClass('filtered', !visible);
  }

  select(id: string): void {
    const element = this.cy.getElementById(id);
    this.cy.elements().unselect();
    element.select();
    if (element.isNode()) this.cy.animate({ center: { eles: element }, duration: 200 });
  }

  markPathEnds(ids: string[]): void {
    this.cy.nodes('.path-end').removeClass('path-end');
    for (const id of ids) this.cy.getElementById(id).addClass('path-end');
  }

  highlightPath(path: Subgraph): void {
    const onPath = this.cy.collection();
    for (const item of [...path.nodes, ...path.edges]) onPath.merge(this.cy.getElementById(item.id));
    this.cy.batch(() => {
      this.clearHighlight();
      this.cy.elements().addClass('faded');
      // A path through folded paragraphs unfolds them, or it would be drawn in pieces.
      onPath.removeClass('faded filtered').addClass('on-path');
    });
    this.cy.animate({ fit: { eles: onPath, padding: 80 }, duration: 250 });
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('faded on-path');
  }

  /** The path's nodes by distance from `fromId`: one node per step, or several where shortest paths branch. */
  static pathSteps(path: Subgraph, fromId: string): GraphNode[][] {
    const byId = new Map(path.nodes.map((n) => [n.id, n]));
    const seen = new Set<string>([fromId]);
    const steps: GraphNode[][] = [];
    for (let step = [fromId]; step.length; ) {
      steps.push(step.flatMap((id) => byId.get(id) ?? []));
      const next = path.edges.flatMap((e) => (step.includes(e.source) ? [e.target] : step.includes(e.target) ? [e.source] : []));
      step = [...new Set(next)].filter((id) => !seen.has(id));
      for (const id of step) seen.add(id);
    }
    return steps;
  }

  /** Where a node is drawn on the page, for tests that click like a user. */
  renderedCentre(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id) as NodeSingular;
    if (node.empty()) return null;
    const box = this.container.getBoundingClientRect();
    const at = node.renderedPosition();
    return { x: box.left + at.x, y: box.top + at.y };
  }
}
