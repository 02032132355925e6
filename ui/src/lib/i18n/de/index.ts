/**
 * German UI strings (formal "Sie", like the shared message catalogue), in the same modules as the
 * English ones; each section is checked against the English shape (`Translation`).
 */

import type { Translation } from "../en";
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

export const de: Translation = {
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
