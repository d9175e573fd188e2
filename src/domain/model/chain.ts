/**
 * Chain (journey) records as stored. The node and edge semantics are in simulation.md;
 * their detailed, validated shapes belong to the chain editor, so they are kept open here.
 */
export const NODE_KINDS = ['trigger', 'filter', 'split', 'timer', 'message', 'goal'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface ChainNode {
  id: string;
  kind: NodeKind;
  position?: { x: number; y: number };
  config?: Record<string, unknown>;
}

export interface ChainEdge {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
}

export interface Chain {
  id: string;
  workspaceId: string;
  name: string;
  /** The journey stage this chain serves (rfm-cjm.md). */
  stage?: string;
  settings: Record<string, unknown>;
  nodes: ChainNode[];
  edges: ChainEdge[];
  createdAt: number;
  updatedAt: number;
}

/** A snapshot of a chain; every saved change keeps one, named ones are kept forever. */
export interface ChainVersion {
  id: string;
  chainId: string;
  workspaceId: string;
  createdAt: number;
  name?: string;
  snapshot: Omit<Chain, 'createdAt' | 'updatedAt'>;
}

/** Inputs and outputs of one simulation run. */
export interface SimulationRun {
  id: string;
  workspaceId: string;
  createdAt: number;
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
