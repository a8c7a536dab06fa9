import type { Flows } from '../engine.js';
import { benefitsFlow } from './benefits.js';
import { calculatorFlow } from './calculator.js';
import { buildCorrectionFlow, correctionFlow } from './correction.js';
import { questionFlow } from './question.js';
import { eligibilityFlow } from './eligibility.js';
import { menuFlow } from './menu.js';
import { mydataFlow } from './mydata.js';
import { neighboursFlow } from './neighbours.js';
import { buildRegistrationFlow, registrationFlow } from './registration.js';
import type { FieldDef } from './registration-schema.js';
import { statusFlow } from './status.js';
import { regencyFlow } from './where.js';

/** Every flow, by id: the worker's, and the cadre's (the menu shows the ones for the person's role). */
export const workerFlows: Flows = {
  menu: menuFlow,
  benefits: benefitsFlow,
  calculator: calculatorFlow,
  eligibility: eligibilityFlow,
  registration: registrationFlow,
  status: statusFlow,
  mydata: mydataFlow,
  neighbours: neighboursFlow,
  correction: correctionFlow,
  question: questionFlow,
  regency: regencyFlow,
};

/** The flows for another registration schema (a regency's extra field, or a test's): registration and correction follow it. */
export function buildWorkerFlows(schema: readonly FieldDef[]): Flows {
  const registration = buildRegistrationFlow(schema);
  return { ...workerFlows, registration, correction: buildCorrectionFlow(schema, registration) };
}
