// Validation problems: every validator returns a list of these instead of throwing, so that a form can show all
// of them at once; `field` is a dotted path into the validated input (`milestones.2.weight`).
import { validationError, type DomainError } from './errors.ts';

export type FieldProblem = { field: string; code: string; params?: Record<string, string | number> };

/** The first problem as a DomainError, for constructors and services that must refuse invalid input. */
export function problemError(problem: FieldProblem): DomainError {
  return validationError(problem.code, problem.field, problem.params ?? {});
}

export function assertNoProblems(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (first) throw problemError(first);
}
