import { useTranslation } from "react-i18next";
import { Button, ButtonGroup } from "../../../components/ui";
import type { CredentialSource } from "../machine";

export interface StagingSubmitProps {
  staging: CredentialSource | null;
  /** What the button says while the typed or pasted text is being checked. */
  busyLabel: string;
}

/** The credential forms' Continue: busy, with its own words, while the typed text is checked. */
export function StagingSubmit({ staging, busyLabel }: StagingSubmitProps) {
  const { t } = useTranslation();
  return (
    <ButtonGroup>
      <Button type="submit" busy={staging === "text"}>
        {staging === "text" ? busyLabel : t("wizard.continue")}
      </Button>
    </ButtonGroup>
  );
}
