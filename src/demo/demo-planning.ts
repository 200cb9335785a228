import type { INestApplicationContext } from '@nestjs/common';
import type { PlanningTarget } from '../cadre-planning/domain/planning-list.events.js';
import { MemberStanding } from '../cadre-planning/member-standing.js';
import { planningLists } from '../cadre-planning/planning-list.resource.js';
import { addDays } from '../rulebook/dates.js';
import type { DemoCommands } from './demo-commands.js';

interface ListPlan {
  readonly target: PlanningTarget;
  readonly term: { readonly fromYear: number; readonly toYear: number };
  readonly approvedOn: string;
  /** Positions in the pool of members planned: on the list from its approval, taken off in 2019, added in 2019. */
  readonly initial: readonly [number, number];
  readonly removed: readonly [number, number];
  readonly added: readonly [number, number];
}

/**
 * The seed article's review of 2019: 4 removed from and 4 added to the district committee's planning for the
 * terms 2015-2020 and 2020-2025 (given together; here 2 and 2), and for the heads of the district's departments
 * 26 and 28 removed, 10 and 11 added.
 */
const LISTS: readonly ListPlan[] = [
  { target: 'executive-committee', term: { fromYear: 2015, toYear: 2020 }, approvedOn: '2016-06-15', initial: [60, 66], removed: [60, 62], added: [66, 68] },
  { target: 'executive-committee', term: { fromYear: 2020, toYear: 2025 }, approvedOn: '2018-09-10', initial: [68, 74], removed: [68, 70], added: [37, 39] },
  { target: 'department-heads', term: { fromYear: 2015, toYear: 2020 }, approvedOn: '2016-06-15', initial: [0, 30], removed: [0, 26], added: [30, 40] },
  { target: 'department-heads', term: { fromYear: 2020, toYear: 2025 }, approvedOn: '2018-09-10', initial: [40, 72], removed: [40, 68], added: [26, 37] },
];

const range = ([from, to]: readonly [number, number]) => Array.from({ length: to - from }, (_, i) => from + i);

/** Cadre planning of the district since 2016: the lists approved for two terms, then the 2019 review. `pool` are members never sanctioned. */
export async function plannedCadres(app: INestApplicationContext, demo: DemoCommands, districtId: string, pool: readonly string[]): Promise<void> {
  const needed = Math.max(...LISTS.flatMap((plan) => [plan.initial[1], plan.removed[1], plan.added[1]]));
  if (pool.length < needed) throw new Error(`The demo district has ${pool.length} members to plan; its lists need ${needed}`);
  const standing = app.get(MemberStanding, { strict: false });
  const run = demo.runner(planningLists);
  for (const [n, plan] of LISTS.entries()) {
    const decision = (act: number) => `${n + 1}${String(act).padStart(2, '0')}-QĐ/HU`;
    const { id } = await demo.commands.createNew(planningLists, 'approvePlanningList', (planningListId) => ({
      planningListId,
      organizationId: districtId,
      target: plan.target,
      term: plan.term,
      approvedOn: plan.approvedOn,
      decision: decision(0),
    }));
    const add = async (position: number, addedOn: string) => {
      const memberId = pool[position]!;
      await run(id, 'addToPlanning', { memberId, addedOn, decision: decision(1), standing: await standing.planningOn(memberId, addedOn) });
    };
    for (const position of range(plan.initial)) await add(position, plan.approvedOn);
    for (const [i, position] of range(plan.removed).entries()) {
      const removedOn = addDays('2019-03-04', i * 7);
      await run(id, 'removeFromPlanning', {
        memberId: pool[position]!,
        removedOn,
        reason: 'standards-not-met',
        decision: decision(2),
        disciplineDecisionId: null,
      });
    }
    for (const [i, position] of range(plan.added).entries()) await add(position, addDays('2019-09-16', i * 5));
  }
}
