import { Alert, Box, Button, Divider, IconButton, ListSubheader, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameResolver } from '../../domain/conditions/names';
import { type Condition, type ConditionGroup, type LeafCondition, type LeafConditionType } from '../../domain/conditions/types';
import { validateCondition, type ConditionContext } from '../../domain/conditions/validate';
import { useLanguage } from '../../ui/useLanguage';
import { addItem, canNest, defaultLeaf, issueText, issuesAt, joinPath, nestedGroup, relativeIssues, removeItem, replaceItem, type PlacedIssue } from './conditionEdit';
import { LeafEditor } from './LeafEditor';
import { useConditionNames } from './useConditionNames';
import type { WorkspaceVocabulary } from '../../domain/conditions/vocabulary';

type ChangeOptions = { coalesceKey?: string };

export interface ConditionBuilderProps {
  /** the top group (AND / OR of conditions and nested groups) */
  value: ConditionGroup;
  /** every edit, as the whole next group; `coalesceKey` marks typing that may join one undo step */
  onChange(next: ConditionGroup, options?: ChangeOptions): void;
  /** the workspace's data the options come from; null while it is read */
  vocabulary: WorkspaceVocabulary | null;
  /** "since entering the chain" is offered inside a chain only */
  context: ConditionContext;
  /**
   * Problems to show beside the parts, paths relative to `value` (e.g. a chain validator's
   * findings for the node, which also name what the data lacks). Default: the condition
   * language's own completeness rules.
   */
  issues?: readonly PlacedIssue[];
  /** prefix of the test ids and coalesce keys */
  testId?: string;
  /** a note beside each part, by path (`items.0`): the Audiences screen's "keeps N on its own" */
  partNotes?: Readonly<Record<string, string>>;
}

/** Condition kinds in the order and groups the kind menu shows. */
const TYPE_GROUPS: { group: string; types: LeafConditionType[] }[] = [
  { group: 'profile', types: ['field', 'consent', 'contact'] },
  { group: 'segments', types: ['rfmSegment', 'rfmScore', 'lifecycle', 'stage'] },
  { group: 'behaviour', types: ['eventCount', 'eventSinceEntry', 'daysSinceLastEvent'] },
  { group: 'purchases', types: ['totalSpend', 'orderCount', 'daysSinceLastOrder', 'categorySpend'] },
  { group: 'audiences', types: ['audience'] },
];

interface Shared {
  partNotes?: Readonly<Record<string, string>> | undefined;
  vocabulary: WorkspaceVocabulary | null;
  names: NameResolver;
  context: ConditionContext;
  issues: readonly PlacedIssue[];
}

function KindSelect({ value, onChange, isInChain, testId }: { value: LeafConditionType; onChange(type: LeafConditionType): void; isInChain: boolean; testId: string }) {
  const { t } = useTranslation();
  const items = TYPE_GROUPS.flatMap(({ group, types }) => [
    <ListSubheader key={group}>{t(`conditions.typeGroups.${group}`)}</ListSubheader>,
    ...types
      .filter((type) => isInChain || type !== 'eventSinceEntry' || value === type)
      .map((type) => (
        <MenuItem key={type} value={type}>{t(`conditions.types.${type}`)}</MenuItem>
      )),
  ]);
  return (
    <TextField select size="small" label={t('conditions.kind')} value={value} onChange={(event) => onChange(event.target.value as LeafConditionType)} sx={{ flex: 1, minWidth: 0 }} slotProps={{ htmlInput: { 'data-testid': `${testId}-kind` } }}>
      {items}
    </TextField>
  );
}

function LeafBox({ condition, path, onChange, onRemove, shared, testId }: { condition: LeafCondition; path: string; onChange(next: Condition, options?: ChangeOptions): void; onRemove(): void; shared: Shared; testId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const own = issueText(issuesAt(shared.issues, path), language);
  return (
    <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, display: 'flex', flexDirection: 'column', gap: 1 }} data-testid={testId}>
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <KindSelect value={condition.type} isInChain={shared.context.isInChain} onChange={(type) => type !== condition.type && onChange(defaultLeaf(type, shared.vocabulary))} testId={testId} />
        <IconButton aria-label={t('conditions.group.remove')} onClick={onRemove} size="small" data-testid={`${testId}-remove`}>
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </Stack>
      <LeafEditor
        condition={condition}
        onChange={onChange}
        vocabulary={shared.vocabulary}
        names={shared.names}
        issues={relativeIssues(shared.issues, path)}
        testId={testId}
      />
      {own && <Typography variant="caption" color="error">{own}</Typography>}
      {shared.partNotes?.[path] !== undefined && <Typography variant="caption" color="text.secondary" data-testid={`${testId}-note`}>{shared.partNotes[path]}</Typography>}
    </Box>
  );
}

function GroupEditor({ group, path, depth, onChange, onRemove, shared, testId }: {
  group: ConditionGroup;
  path: string;
  depth: number;
  onChange(next: ConditionGroup, options?: ChangeOptions): void;
  onRemove?: () => void;
  shared: Shared;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const own = issueText(issuesAt(shared.issues, path), language);
  const joiner = t(group.op === 'and' ? 'conditions.group.and' : 'conditions.group.or');
  const newLeaf = () => defaultLeaf('field', shared.vocabulary);
  return (
    <Box
      sx={depth > 1 ? { borderLeft: 3, borderColor: 'primary.light', pl: 1, py: 0.5, display: 'flex', flexDirection: 'column', gap: 1 } : { display: 'flex', flexDirection: 'column', gap: 1 }}
      data-testid={testId}
      role="group"
      aria-label={depth > 1 ? t('conditions.group.nested') : undefined}
    >
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <ToggleButtonGroup exclusive size="small" sx={{ '& .MuiToggleButton-root': { textTransform: 'none', py: 0.25 } }} value={group.op} onChange={(_event, op: ConditionGroup['op'] | null) => op && onChange({ ...group, op })} aria-label={t('conditions.group.matchLabel')} data-testid={`${testId}-op`}>
          <ToggleButton value="and">{t('conditions.group.all')}</ToggleButton>
          <ToggleButton value="or">{t('conditions.group.any')}</ToggleButton>
        </ToggleButtonGroup>
        <Box sx={{ flex: 1 }} />
        {onRemove && (
          <IconButton aria-label={t('conditions.group.removeGroup')} onClick={onRemove} size="small" data-testid={`${testId}-remove`}>
            <DeleteOutlineIcon fontSize="small" />
          </IconButton>
        )}
      </Stack>
      {group.items.length === 0 && <Alert severity={own ? 'warning' : 'info'} variant="outlined">{own ?? t('conditions.group.empty')}</Alert>}
      {group.items.map((item, index) => {
        const itemPath = joinPath(joinPath(path, 'items'), index);
        const itemId = `${testId}-${index}`;
        const change = (next: Condition, options?: ChangeOptions) => onChange(replaceItem(group, index, next), options);
        const remove = () => onChange(removeItem(group, index));
        return (
          <Fragment key={index}>
            {index > 0 && (
              <Divider textAlign="left">
                <Typography variant="caption" color="text.secondary" sx={{ textTransform: 'uppercase' }}>{joiner}</Typography>
              </Divider>
            )}
            {item.type === 'group' ? (
              <GroupEditor group={item} path={itemPath} depth={depth + 1} onChange={change} onRemove={remove} shared={shared} testId={itemId} />
            ) : (
              <LeafBox condition={item} path={itemPath} onChange={change} onRemove={remove} shared={shared} testId={itemId} />
            )}
          </Fragment>
        );
      })}
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange(addItem(group, newLeaf()))} data-testid={`${testId}-add`}>
          {t('conditions.group.add')}
        </Button>
        {canNest(depth) && (
          <Button size="small" startIcon={<PlaylistAddIcon />} onClick={() => onChange(addItem(group, nestedGroup(group, newLeaf())))} data-testid={`${testId}-add-group`}>
            {t('conditions.group.addGroup')}
          </Button>
        )}
      </Stack>
    </Box>
  );
}

/**
 * The condition builder: AND / OR groups (nested up to the language's depth) of every condition
 * kind, with names and values offered from the workspace's data and their counts, and each
 * problem shown beside the part it is about. Independent of chains: the audiences screen uses it
 * as it is.
 */
export function ConditionBuilder({ value, onChange, vocabulary, context, issues, testId = 'condition', partNotes }: ConditionBuilderProps) {
  const names = useConditionNames(vocabulary);
  const shown = useMemo(() => issues ?? validateCondition(value, context), [issues, value, context]);
  const shared: Shared = { vocabulary, names, context, issues: shown, partNotes };
  return <GroupEditor group={value} path="" depth={1} onChange={onChange} shared={shared} testId={testId} />;
}
