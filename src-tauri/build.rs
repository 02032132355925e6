fn main() {
    // Declaring the app's commands puts them under the ACL: a window may call only what a
    // capability in `capabilities/` allows.
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "app_info",
            "list_providers",
            "diagnostics",
            "set_screen_share",
            "provider_guides",
            "check_ipayroll_username",
            "save_handoff_sheet",
            "stage_credentials",
            "choose_credentials_file",
            "discard_credentials",
            "sign_in",
            "cancel_sign_in",
            "verify_connection",
            "list_organisations",
            "list_connections",
            "save_connection",
            "check_connection",
            "rename_connection",
            "remove_connection",
            "reauthorise_connection",
            "list_people",
            "cancel_people_listing",
            "choose_roster_file",
            "people_report",
            "decide_pair",
            "exclude_person",
            "confirm_people",
            "people_changes",
            "export_people",
            "load_wizard_draft",
            "save_wizard_draft",
            "clear_wizard_draft",
            "take_opening_link",
        ]),
    ))
    .unwrap_or_else(|error| panic!("tauri build configuration failed: {error:#}"));
}
