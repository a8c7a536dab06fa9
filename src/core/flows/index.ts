import type { Flows } from '../engine.js';
import { benefitsFlow } from './benefits.js';
import { calculatorFlow } from './calculator.js';
import { correctionFlow } from './correction.js';
import { questionFlow } from './question.js';
import { eligibilityFlow } from './eligibility.js';
import { menuFlow } from './menu.js';
import { mydataFlow } from './mydata.js';
import { neighboursFlow } from './neighbours.js';
import { registrationFlow } from './registration.js';
import { statusFlow } from './status.js';

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
};
