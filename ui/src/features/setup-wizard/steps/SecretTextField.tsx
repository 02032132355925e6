import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TextArea, TextField } from "../../../components/ui";

export interface SecretTextFieldProps {
  id: string;
  label: ReactNode;
  hint: ReactNode;
  error: string | null;
  value: string;
  /** A key file's lines (several rows) rather than one key. */
  multiline?: boolean;
  /** Screen sharing: no Show button, the key stays hidden. */
  supportMode: boolean;
  /** While the key is being checked, it cannot change. */
  readOnly: boolean;
  onChange(text: string): void;
  /** A paste that `isWhole` accepts: checked at once, without Continue. */
  onWholePaste(text: string): void;
  isWhole(text: string): boolean;
}

/** A masked key field with Show/Hide (none while screen sharing) that checks a whole paste. */
export function SecretTextField(props: SecretTextFieldProps) {
  const { t } = useTranslation();
  const { multiline = false, supportMode, isWhole, onWholePaste, ...field } = props;
  const common = {
    ...field,
    errorPrefix: t("wizard.errorPrefix"),
    masked: true,
    reveal: supportMode
      ? undefined
      : {
          show: t("credentials.show"),
          hide: t("credentials.hide"),
          showLabel: t("credentials.showLabel"),
          hideLabel: t("credentials.hideLabel"),
          nowVisible: t("credentials.nowVisible"),
          nowHidden: t("credentials.nowHidden"),
        },
    onChange: (event: { target: { value: string }; nativeEvent: Event }) => {
      const text = event.target.value;
      props.onChange(text);
      const pasted = (event.nativeEvent as InputEvent).inputType === "insertFromPaste";
      if (pasted && isWhole(text)) onWholePaste(text);
    },
  };
  return multiline ? <TextArea {...common} rows={3} /> : <TextField {...common} />;
}
