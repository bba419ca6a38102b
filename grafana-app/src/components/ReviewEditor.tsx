import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '../i18n';
import { Badge, Button, Field, IconButton, Input, Select, Stack, TextArea, useStyles2 } from '@grafana/ui';
import { getReview, saveReview } from '../api/opsdesk';
import type { ActionItemDraft, ReviewDraft } from '../api/types';
import { ErrorMessage } from './ErrorMessage';

const EMPTY: ReviewDraft = {
  summary: '',
  impact: '',
  trigger: '',
  rootCause: '',
  contributingFactors: '',
  detection: '',
  resolution: '',
  lessons: { wentWell: '', wentWrong: '', gotLucky: '' },
  actionItems: [],
};

type TextKey = 'summary' | 'impact' | 'trigger' | 'rootCause' | 'contributingFactors' | 'detection' | 'resolution';

/** 复盘: the review of an incident and its action items; read-only for Viewers. */
export function ReviewEditor({
  incident,
  exists,
  canEdit,
  onSaved,
}: {
  incident: string;
  exists: boolean;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const s = useStyles2(getStyles);
  const [review, setReview] = useState<ReviewDraft | undefined>(exists ? undefined : EMPTY);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (exists) {
      getReview(incident).then(setReview, setError);
    }
  }, [incident, exists]);

  if (!review) {
    return error !== undefined ? <ErrorMessage error={error} /> : null;
  }
  const fields: Array<[TextKey, string]> = [
    ['summary', t('review.summary', 'Summary')],
    ['impact', t('review.impact', 'Impact')],
    ['trigger', t('review.trigger', 'Trigger')],
    ['rootCause', t('review.rootCause', 'Root cause')],
    ['contributingFactors', t('review.contributing', 'Contributing factors')],
    ['detection', t('review.detection', 'Detection')],
    ['resolution', t('review.resolution', 'Resolution')],
  ];
  const lessons: Array<[keyof ReviewDraft['lessons'], string]> = [
    ['wentWell', t('review.wentWell', 'What went well')],
    ['wentWrong', t('review.wentWrong', 'What went wrong')],
    ['gotLucky', t('review.gotLucky', 'Where we got lucky')],
  ];
  const setItem = (i: number, patch: Partial<ActionItemDraft>) =>
    setReview({ ...review, actionItems: review.actionItems.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      setReview(await saveReview(incident, review));
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  if (!canEdit && !exists) {
    return <p className={s.muted}>{t('review.none', 'No review has been written yet.')}</p>;
  }
  return (
    <div data-testid="review-editor">
      {fields.map(([key, label]) => (
        <Field key={key} label={label}>
          <TextArea
            aria-label={label}
            readOnly={!canEdit}
            value={review[key]}
            onChange={(e) => setReview({ ...review, [key]: e.currentTarget.value })}
            rows={2}
          />
        </Field>
      ))}
      {lessons.map(([key, label]) => (
        <Field key={key} label={label}>
          <TextArea
            aria-label={label}
            readOnly={!canEdit}
            value={review.lessons[key]}
            onChange={(e) => setReview({ ...review, lessons: { ...review.lessons, [key]: e.currentTarget.value } })}
            rows={2}
          />
        </Field>
      ))}
      <h4>{t('review.actionItems', 'Action items')}</h4>
      {review.actionItems.map((a, i) => (
        <div key={a.id ?? `new-${i}`} className={s.item}>
          <Input
            aria-label={t('review.item.title', 'Action')}
            placeholder={t('review.item.title', 'Action')}
            readOnly={!canEdit}
            value={a.title}
            onChange={(e) => setItem(i, { title: e.currentTarget.value })}
          />
          <Input
            aria-label={t('review.item.owner', 'Owner')}
            placeholder={t('review.item.owner', 'Owner')}
            readOnly={!canEdit}
            width={20}
            value={a.owner}
            onChange={(e) => setItem(i, { owner: e.currentTarget.value })}
          />
          <Input
            aria-label={t('review.item.due', 'Due date')}
            type="date"
            readOnly={!canEdit}
            width={20}
            value={a.dueDate}
            onChange={(e) => setItem(i, { dueDate: e.currentTarget.value })}
          />
          <Select
            aria-label={t('review.item.status', 'Status')}
            width={20}
            disabled={!canEdit}
            value={a.status}
            options={[
              { value: 'open', label: t('review.item.open', 'Open') },
              { value: 'in_progress', label: t('review.item.inProgress', 'In progress') },
              { value: 'done', label: t('review.item.done', 'Done') },
              { value: 'cancelled', label: t('review.item.cancelled', 'Cancelled') },
            ]}
            onChange={(v) => setItem(i, { status: v.value as ActionItemDraft['status'] })}
          />
          {a.overdue && <Badge text={t('review.item.overdue', 'overdue')} color="red" />}
          {canEdit && (
            <IconButton
              name="trash-alt"
              tooltip={t('review.item.remove', 'Remove')}
              onClick={() => setReview({ ...review, actionItems: review.actionItems.filter((_, j) => j !== i) })}
            />
          )}
        </div>
      ))}
      {canEdit && (
        <Stack gap={1}>
          <Button
            variant="secondary"
            icon="plus"
            onClick={() =>
              setReview({
                ...review,
                actionItems: [
                  ...review.actionItems,
                  {
                    title: '',
                    owner: '',
                    dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
                    status: 'open',
                  },
                ],
              })
            }
          >
            {t('review.addItem', 'Add action item')}
          </Button>
          <Button onClick={save} disabled={saving}>
            {t('review.save', 'Save review')}
          </Button>
          {saved && <span className={s.muted}>{t('review.saved', 'Saved.')}</span>}
        </Stack>
      )}
      {error !== undefined && <ErrorMessage error={error} />}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  item: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', marginBottom: theme.spacing(1) }),
  muted: css({ color: theme.colors.text.secondary }),
});
