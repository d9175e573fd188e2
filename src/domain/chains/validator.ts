import { eventMatchReferences, type Reference } from '../conditions/references';
import { checkReference, customersWithout, type WorkspaceVocabulary } from '../conditions/vocabulary';
import { formatNumber } from '../text';
import { CHANNEL_RESPONSE_EVENTS, hasSubject } from './channels';
import type { ChainFinding } from './findings';
import { graphFindings } from './graphRules';
import { messageFields } from './messageText';
import { nodeOperations } from './nodes/registry';
import { validateSettings } from './settings';
import type { ReadChainFileResult } from './chainFile';
import type { RestoreChainResult } from './restore';
import type { Chain, ChainNode, MessageNode } from './types';

/**
 * The chain validator: graph rules (graphRules.ts), each node kind's own rules, the settings,
 * and — given the workspace's vocabulary — every event type, prop, field, RFM segment and stage
 * the chain names that the data lacks (warnings, with the closest names). Errors mean the chain
 * cannot run as it is; `chainlab validate` exits 1 on them.
 */
export interface ValidateChainOptions {
  /** the workspace's data; without it names are not checked */
  vocabulary?: WorkspaceVocabulary;
}

const RESPONSE_EVENTS = new Set(Object.values(CHANNEL_RESPONSE_EVENTS).flatMap((events) => [events.opened, events.clicked]).filter((type): type is string => type !== null));

function referenceFindings(references: readonly Reference[], vocabulary: WorkspaceVocabulary, where: Pick<ChainFinding, 'nodeId'>): ChainFinding[] {
  const findings: ChainFinding[] = [];
  for (const reference of references) {
    const problem = checkReference(reference, vocabulary);
    if (!problem) continue;
    const message = { ...problem.message };
    if (reference.kind === 'eventType' && RESPONSE_EVENTS.has(reference.name)) {
      message.en += ' A replay sees none; with the projection on, simulated responses count.';
      message.ru += ' При повторе истории их не будет; с включённым прогнозом учитываются смоделированные отклики.';
    }
    findings.push({ code: problem.code, severity: 'warning', message, path: reference.path, ...where, ...(problem.suggestions.length ? { suggestions: problem.suggestions } : {}) });
  }
  return findings;
}

/** Personal fields without a fallback that some customers lack: their text would have a hole. */
function fallbackFindings(node: MessageNode, vocabulary: WorkspaceVocabulary): ChainFinding[] {
  const findings: ChainFinding[] = [];
  const texts: [string, string][] = [['content.body', node.content.body]];
  if (hasSubject(node.channel)) texts.unshift(['content.subject', node.content.subject]);
  for (const [path, text] of texts) {
    for (const { field, hasFallback } of messageFields(text)) {
      const missing = customersWithout(field, vocabulary);
      if (hasFallback || !missing || !vocabulary.customers) continue;
      const share = formatNumber(Math.round((1000 * missing) / vocabulary.customers) / 10);
      findings.push({
        code: 'field_often_empty',
        severity: 'warning',
        nodeId: node.id,
        path,
        message: {
          en: `${share.en} % of customers have no ${field}: add a fallback, e.g. {{${field}|friend}}.`,
          ru: `У ${share.ru} % клиентов нет поля ${field}: добавьте запасной текст, например {{${field}|друг}}.`,
        },
      });
    }
  }
  return findings;
}

function nodeFindings(node: ChainNode, vocabulary: WorkspaceVocabulary | undefined): ChainFinding[] {
  const operations = nodeOperations(node);
  const findings: ChainFinding[] = operations.validate().map((issue) => ({ ...issue, nodeId: node.id }));
  if (vocabulary) {
    findings.push(...referenceFindings(operations.references(), vocabulary, { nodeId: node.id }));
    if (node.kind === 'message') findings.push(...fallbackFindings(node, vocabulary));
  }
  return findings;
}

export function validateChain(chain: Chain, options: ValidateChainOptions = {}): ChainFinding[] {
  const { vocabulary } = options;
  const findings = graphFindings(chain);
  for (const node of chain.nodes) findings.push(...nodeFindings(node, vocabulary));
  findings.push(...validateSettings(chain.settings));
  if (vocabulary) {
    if (chain.settings.goal.isEnabled) findings.push(...referenceFindings(eventMatchReferences(chain.settings.goal.event, 'settings.goal.event'), vocabulary, {}));
    if (chain.stage !== null) findings.push(...referenceFindings([{ kind: 'stage', name: chain.stage, path: 'stage' }], vocabulary, {}));
  }
  return findings;
}

/** The findings of one node, for its card's warning badge. */
export function findingsOfNode(findings: readonly ChainFinding[], nodeId: string): ChainFinding[] {
  return findings.filter((item) => item.nodeId === nodeId);
}

/**
 * The findings for a chain as read from a file or storage: why it could not be read at all, the
 * parts restore set aside (errors: the chain is not what was written) and what it repaired
 * (warnings) — then, when it could be read, the chain's own findings. `chainlab validate` and the
 * app's import show exactly these.
 */
export function validateRestoredChain(result: RestoreChainResult | ReadChainFileResult, options: ValidateChainOptions = {}): ChainFinding[] {
  if (!result.ok) return [{ code: 'unreadable', severity: 'error', message: result.message }];
  const setAside = result.setAside.map((item): ChainFinding => {
    const where = item.id === null ? {} : item.part === 'node' ? { nodeId: item.id } : item.part === 'edge' ? { edgeId: item.id } : {};
    return { code: 'part_set_aside', severity: 'error', message: item.reason, ...where };
  });
  const repairs = result.repairs.map((note): ChainFinding => ({ code: 'repaired', severity: 'warning', message: { en: `${note.path}: ${note.message.en}`, ru: `${note.path}: ${note.message.ru}` } }));
  return [...setAside, ...repairs, ...validateChain(result.chain, options)];
}
