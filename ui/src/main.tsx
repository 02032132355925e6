import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { createI18n } from "./lib/i18n";
import { withCatalogueAhead } from "./lib/ipc/catalogueAhead";
import { selectBackend } from "./lib/ipc/selectBackend";
import "./styles/tokens.css";
import "./styles/base.css";
import "./components/ui/ui.css";
import "./app/app.css";
import "./features/setup-wizard/wizard.css";
import "./features/connections/connections.css";
import "./features/daily-check/daily-check.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

selectBackend().then(
  (backend) => {
    createRoot(root).render(
      <StrictMode>
        <App backend={withCatalogueAhead(backend)} i18n={createI18n()} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.textContent = `HR Link could not start: ${String(error)}`;
  },
);
