/**
 * Where a reader stands on a guided path. A step is done once the note is read (marked, or read to
 * the end) or the reader's saved place is past the step's section; it is "here" while the saved
 * place is in that section. The next step is the first one not done.
 */
import type { LearningPath, Note } from '../../../shared/content';
import { percentRead, type Progress } from '../../../shared/study';

export type StepState = 'done' | 'here' | 'todo';

export interface PathStanding {
  states: StepState[];
  done: number;
  /** Index of the first step not done, or null when the whole path is done. */
  next: number | null;
}

function sectionIndex(note: Note, sectionId: string | null): number {
  if (sectionId === null) return -1;
  return note.text.en.sections.findIndex((section) => section.id === sectionId);
}

export function stepState(note: Note | undefined, sectionId: string, progress: Progress | undefined): StepState {
  if (!note || !progress) return 'todo';
  if (percentRead(progress) >= 95) return 'done';
  const at = sectionIndex(note, progress.sectionId);
  const step = sectionIndex(note, sectionId);
  if (at < 0 || step < 0) return 'todo';
  // Sub-sections of the step's section count as being in it.
  const sections = note.text.en.sections;
  const inStep = at === step || sections[at]?.parentId === sectionId;
  if (inStep) return 'here';
  return at > step ? 'done' : 'todo';
}

export function pathStanding(path: LearningPath, noteOf: (id: string) => Note | undefined, progressOf: (id: string) => Progress | undefined): PathStanding {
  const states = path.steps.map((step) => stepState(noteOf(step.note), step.section, progressOf(step.note)));
  const next = states.findIndex((state) => state !== 'done');
  return { states, done: states.filter((state) => state === 'done').length, next: next < 0 ? null : next };
}
