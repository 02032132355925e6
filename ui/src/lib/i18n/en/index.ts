/**
 * English UI strings, one module per screen or feature, composed here into the one i18next
 * resource tree (the order of its keys is the screens' order). Problem messages are not here:
 * they come from the shared catalogue (`crates/hrlink-core/messages/*.json`) through
 * `renderProblem`.
 */

import { apiKey } from "./apiKey";
import { app, demo, nav, problem, resume, support } from "./app";
import { cloud } from "./cloud";
import { connections } from "./connections";
import { credentials, iris, sandboxLogin, signIn, waiting } from "./credentials";
import { dailyCheck } from "./dailyCheck";
import { guide, handoff, providerGuide } from "./guide";
import { links } from "./links";
import { mapping } from "./mapping";
import { people } from "./people";
import { permissionFixOther, providers, quoted } from "./permissions";
import { save } from "./save";
import { update } from "./update";
import { organisations, result, verify } from "./verification";
import { choose, scopes, wizard } from "./wizard";

export const en = {
  app,
  resume,
  support,
  demo,
  wizard,
  cloud,
  choose,
  scopes,
  guide,
  handoff,
  credentials,
  apiKey,
  iris,
  signIn,
  waiting,
  sandboxLogin,
  verify,
  result,
  organisations,
  providers,
  quoted,
  permissionFixOther,
  links,
  nav,
  save,
  connections,
  dailyCheck,
  update,
  providerGuide,
  people,
  mapping,
  problem,
};

/** The shape every language must fill. */
export type Translation = StringTree<typeof en>;

type StringTree<T> = { [K in keyof T]: T[K] extends string ? string : StringTree<T[K]> };
