import type { DomainEventType } from './domain-events.js';

/**
 * Domain event types that no read model applies, each with the reason. A new event type must be handled by a
 * projection or named here (subscriptions.spec.ts).
 */
export const IGNORED_EVENT_TYPES: Readonly<Partial<Record<DomainEventType, string>>> = {
  BodyEstablished: "an organization's bodies are read from its own stream (organization view, authority checks)",
  AdmissionPowerGranted: "whether a committee may admit members is read from the organization's own stream when discipline checks authority",
  AdmissionPowerWithdrawn: "whether a committee may admit members is read from the organization's own stream when discipline checks authority",
  PlanningListApproved: "a planning list's approval is read from its own stream; each act on a member carries the list",
  BodySucceeded: "who took over an abolished body's functions is read from the organization's own stream when an appeal is filed",
  OrganizationAbsorbed: "the successor's side of a merger: the organization history follows the predecessor's OrganizationMerged",
  OrganizationDissolved: "an organization's dissolution is read from its own stream; its history keeps the discipline case that decided it",
};
