/** Inputs and outputs of one simulation run. */
export interface SimulationRun {
  id: string;
  workspaceId: string;
  createdAt: number;
  inputs: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}
