/**
 * # The chain model (issue 12; simulation.md is the spec)
 *
 * Pure TypeScript, no React / Dexie / DOM. The domain `Chain` is the source of truth: the
 * canvas derives its React Flow graph from it, storage and files hold exactly it, and the
 * simulator runs it unchanged.
 *
 * ## Shape (types.ts)
 * `Chain = { id, name, stage, description, templateId, settings, nodes, edges, notes }`.
 * - `nodes: ChainNode[]` — a discriminated union on `kind`:
 *   - `trigger` (`node.trigger`: event | inactivity | date | segment | audience) — no input;
 *   - `filter` (`node.condition`: a ConditionGroup) — ports `yes`, `no`;
 *   - `split` (`node.branches`: { id, label, weight %, isHoldout }) — one port per branch id;
 *   - `timer` (`node.timer`: delay | until | waitFor) — `out`, or `happened` / `timeout`;
 *   - `message` (channel, content {subject, body with {{field|fallback}}}, offer, cost,
 *     responses | null = channel defaults, orderValue, onSuppressed) — `out`;
 *   - `goal` (outcome goal | exit) — no out-port.
 *   Every node has `id`, `position` {x, y} (top-left, y down) and `label` ('' = show summary).
 * - `edges: ChainEdge[]` = { id, source, sourcePort, target }: every node but a trigger has one
 *   implicit input. In a valid chain each out-port has exactly one edge.
 * - `settings: ChainSettings` — re-entry, goal (event, attribution days, exit on goal),
 *   control group %, frequency cap (rolling / calendar), quiet hours (wait / drop), time zone
 *   (null = the workspace's). `stage` = the journey stage the chain serves.
 * - `notes` — canvas sticky notes (not part of the graph).
 * Conditions (filters, audience triggers, event matches) are the shared condition language of
 * `src/domain/conditions` — its types.ts states the evaluation semantics for the simulator.
 *
 * ## Node kinds (nodes/<kind>.ts, registry.ts)
 * One module per kind: schema, defaults (`create`), ports, summary (RU + EN), validation,
 * references to workspace names, migrations. `NODE_MODULES` is typed `satisfies` over every
 * kind; `nodeOperations(node)` is the one exhaustive switch — call `outPorts(node)`,
 * `nodeSummary(node, names)`, `createNode(kind, id, position)` instead of switching yourself.
 *
 * ## In and out
 * - `restoreChain(raw, version?)` — anything read from storage or a file: migrate → repair →
 *   validate; reports repairs and parts set aside, or says why it cannot read the chain.
 * - `parseChainFileText(text)` / `chainFileText(chain)` — cli.md's chain file
 *   `{ format: "chainlab.chain", version, chain }`; `isNotChainFile(result)` tells "not a chain
 *   file at all" (CLI exit 2) from "a chain file with problems".
 * - `chainLink(origin, chain)` / `readChainLinkFragment(hash)` — the chain shared as a link,
 *   deflated into the URL fragment (never sent to a server; issue 17).
 * - `buildChainGraph(chain)` — node by id, edge from a port, next node, incoming edges.
 * - Channels (channels.ts): `CHANNEL_CONSENT`, `CHANNEL_CONTACT` for the guards,
 *   `CHANNEL_DEFAULT_RESPONSES` and `effectiveResponses(node)` for the projection,
 *   `CHANNEL_DEFAULT_COST`, `CHANNEL_RESPONSE_EVENTS` (the event types a projected open / click
 *   becomes). Durations: `durationMs`; local times: `minutesOfDay`, `isLocalDateTime`.
 * - Layout: `layoutTopDown(chain)` (templates; the canvas has its own dagre / elk).
 * - Tests: `workedExampleChain()` (simulation.md's worked example) and `everyOptionChain()` in
 *   testing.ts; frozen files in fixtures/.
 * - Message text: `parseMessageText`, `renderMessageText(text, valueOf)` (plain text; escape
 *   it where you show it).
 *
 * ## Checking and filling (validator.ts, conditions/vocabulary.ts, templates/)
 * - `validateChain(chain, { vocabulary })` → `ChainFinding[]` {code, severity, message {en, ru},
 *   nodeId?, edgeId?, port?, path?, suggestions?}; `isValid(findings)` = no error.
 *   `validateRestoredChain(readResult)` adds what reading a file set aside or repaired.
 * - `buildWorkspaceVocabulary({ quality, segmentMap, stageMapping, …counts })` (conditions) —
 *   event types / props / fields with counts, RFM segments, lifecycle statuses, stages.
 * - Templates: `CHAIN_TEMPLATES`, `buildTemplate(id, language | options)`,
 *   `matchTemplateEventTypes(chain, vocabulary, chosen?)` (cart_add vs added_to_cart; unmatched
 *   types are listed, not kept silently), `chainForInaction(list, options)`.
 * - Storage: src/db/repositories/chainRepository.ts (list, create, autosave with history,
 *   named versions, restore a version, duplicate, delete).
 * - Property tests: `randomValidChain(random)` in randomChain.ts (not exported here).
 *
 * ## Rules of thumb
 * - Never build a Chain from stored or pasted JSON by hand: go through `restoreChain` /
 *   `parseChainFileText`, and show `repairs` and `setAside` to the user.
 * - Node ids and edge ids are any non-empty strings; new ones: `nextFreeId('n', ids)`.
 * - Texts the model writes (summaries, findings) are `LocalizedText` {en, ru}; pass a
 *   `NameResolver` (conditions/names.ts) to show the workspace's own names.
 */
export * from './types';
export * from './ports';
export * from './findings';
export * from './localTime';
export * from './channels';
export * from './messageText';
export * from './settings';
export * from './chain';
export * from './graph';
export * from './migrations';
export * from './restore';
export * from './chainFile';
export * from './chainLink';
export * from './nodes/module';
export * from './nodes/registry';
export { TRIGGER_DATE_FIELDS, defaultTriggerRule } from './nodes/trigger';
export { defaultTimerRule, weekdaysText } from './nodes/timer';
export { offerText, smsParts } from './nodes/message';
export { splitWeightTotal, BRANCH_ID_PATTERN, MAX_SPLIT_BRANCHES } from './nodes/split';
export * from './layout';
export * from './validator';
export { graphFindings } from './graphRules';
export * from './eventTypes';
export * from './templates';
export { MAX_ID_LENGTH, MAX_LABEL_LENGTH, MAX_TEXT_LENGTH } from './schemaParts';
