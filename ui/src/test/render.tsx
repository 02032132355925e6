import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../app/App";
import type { WizardState } from "../features/setup-wizard/machine";
import { createI18n, type Language } from "../lib/i18n";
import {
  createFakeBackend,
  type FakeBackend,
  type FakeBackendOptions,
  keyFileText,
  SANDBOX_KEYS,
} from "../lib/ipc/fakeBackend";

export interface RenderAppOptions extends FakeBackendOptions {
  language?: Language;
  initialWizard?: WizardState;
  backend?: FakeBackend;
}

/** Renders the whole app against a fake backend, with a user-event session. */
export function renderApp(options: RenderAppOptions = {}) {
  const { language = "en", initialWizard, backend: given, ...fakeOptions } = options;
  const backend = given ?? createFakeBackend(fakeOptions);
  const i18n = createI18n(language);
  const user = userEvent.setup();
  const utils = render(<App backend={backend} i18n={i18n} initialWizard={initialWizard} />);
  return { ...utils, user, backend, i18n };
}

type User = ReturnType<typeof userEvent.setup>;

/** Chooses HRworks on step 1 (sharing the optional permissions labelled `share`) and continues to the credentials step. */
export async function chooseHrworks(user: User, share: RegExp[] = []) {
  await chooseProvider(user, /HRworks/, "Which HRworks key should HR Link use?", share);
}

/** The guide's "I already have one" button, whatever the system calls the thing. */
export const ALREADY_HAVE =
  /^(I already have (a key file|an API user|an API key)|I have done this already)$/;

/**
 * Chooses a system on step 1, ticks the optional permissions labelled `share` (step 2), skips
 * the guide with "I already have one" (step 3) and lands on its credentials step (heading
 * `heading`).
 */
export async function chooseProvider(
  user: User,
  name: RegExp,
  heading: string | RegExp,
  share: RegExp[] = [],
) {
  await user.click(await screen.findByRole("radio", { name }));
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await screen.findByRole("heading", { level: 1, name: /^What may .+ read in .+\?$/ });
  for (const label of share) await user.click(screen.getByRole("checkbox", { name: label }));
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await user.click(await screen.findByRole("button", { name: ALREADY_HAVE }));
  await screen.findByRole("heading", { level: 1, name: heading });
}

/** Chooses IRIS on step 1 (sharing the optional permissions labelled `share`) and continues to the API user step. */
export async function chooseIris(user: User, share: RegExp[] = []) {
  await chooseProvider(
    user,
    /IRIS HR Professional/,
    "Which IRIS API user should HR Link use?",
    share,
  );
}

/** Pastes `text` into the key field (masked textarea). */
export async function pasteKey(user: User, text: string) {
  const field = screen.getByLabelText("Or paste the two lines of the key file");
  await user.click(field);
  await user.paste(text);
}

export const VALID_KEY_FILE = keyFileText(SANDBOX_KEYS.valid);
export const REJECTED_KEY_FILE = keyFileText(SANDBOX_KEYS.rejected);
