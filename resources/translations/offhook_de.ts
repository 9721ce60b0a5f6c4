<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>App::AppSettings</name>
    <message>
        <source>it contains binary data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not valid UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not a valid settings file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its &quot;version&quot; entry is missing or not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook cannot read its settings file %1. It starts without your lines and will not write to that file. Check the file&apos;s permissions and start Offhook again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook&apos;s settings file could not be used (%1). It was kept as %2 and Offhook starts with fresh settings; your stored passwords are still in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook&apos;s settings file %1 could not be used (%2) and could not be backed up. Offhook starts without your lines and leaves the file alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 was written by a newer Offhook (format %2). This version reads it but saves no changes to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App::KeychainSecretStore</name>
    <message>
        <source>system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App::LineController</name>
    <message>
        <source>No stored password for %1: edit the line to enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 could not store the password: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Passwords are kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored password could not be removed from the %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App::MemorySecretStore</name>
    <message>
        <source>No keychain is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory (this session only)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App::PlainFileSecretStore</name>
    <message>
        <source>No password stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password file cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clear-text file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::AccountWizard</name>
    <message>
        <source>Offhook — New line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::DialPad</name>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number or sip: address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls are not available yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LadderView</name>
    <message>
        <source>Ladder diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages for this line in the log yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LineDialog</name>
    <message>
        <source>Register this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, shown to the people you call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic uses the port in the server field, DNS SRV records, or 5060 (5061 for TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auth User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start over with the wizard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LineListModel</name>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered · expires every %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unregistering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · retry in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · not retrying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LineValidation</name>
    <message>
        <source>Enter the SIP server, for example pbx.example.com or 192.0.2.10:5060.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is the part right of the @ only; put the extension in its own field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server without &quot;sip:&quot; or a scheme, for example pbx.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server cannot contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the extension (the user part left of the @), for example 1001.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extension is the part left of the @ only; put the server in its own field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extension starts or ends with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The extension contains characters a SIP address cannot hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Auth User starts or ends with a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Auth User cannot contain quotes, backslashes or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound proxy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrations shorter than 30 seconds are refused by most servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most one day (86400 seconds).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by Offhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received from the peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::LogPane</name>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the log of line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the log of one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method or status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one method (with its responses) or a status such as 401 or 4xx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter text (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the engine&apos;s steps between the messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide digest responses and nonces when copying, saving or exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the live log; new entries wait until you resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfold messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unfold every shown message to its full text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected entries (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the shown entries as text or pcapng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the log view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP log</source>
        <translation type="unfinished">SIP-Protokoll</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fold messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 hidden by the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · paused, %1 new waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text log (*.txt *.log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet capture for Wireshark or sngrep (*.pcapng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Save SIP log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Log not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be saved to %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::MainWindow</name>
    <message>
        <source>Offhook</source>
        <translation>Offhook</translation>
    </message>
    <message>
        <source>SIP log</source>
        <translation>SIP-Protokoll</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>SIP &amp;log</source>
        <translation>SIP-&amp;Protokoll</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Offhook</source>
        <translation>&amp;Über Offhook</translation>
    </message>
    <message>
        <source>Offhook — About</source>
        <translation>Offhook — Über</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Offhook %1&lt;/h3&gt;&lt;p&gt;A desktop SIP softphone that shows why a line does or does not register.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Offhook %1&lt;/h3&gt;&lt;p&gt;Ein SIP-Softphone für den Desktop, das zeigt, warum sich eine Leitung registriert oder nicht.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU GPL, Version 3 oder später.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;New line…</source>
        <translation>&amp;Neue Leitung…</translation>
    </message>
    <message>
        <source>Set up a new line with the wizard (Ctrl+N)</source>
        <translation>Eine neue Leitung mit dem Assistenten einrichten (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Edit line…</source>
        <translation>Leitung &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the selected line (Ctrl+E)</source>
        <translation>Die gewählte Leitung bearbeiten (Strg+E)</translation>
    </message>
    <message>
        <source>&amp;Delete line…</source>
        <translation>Leitung &amp;löschen…</translation>
    </message>
    <message>
        <source>Delete the selected line and its stored password</source>
        <translation>Die gewählte Leitung und ihr gespeichertes Passwort löschen</translation>
    </message>
    <message>
        <source>&amp;Start over with the wizard…</source>
        <translation>Mit dem Assistenten &amp;neu einrichten…</translation>
    </message>
    <message>
        <source>&amp;Register now</source>
        <translation>Jetzt &amp;registrieren</translation>
    </message>
    <message>
        <source>&amp;Troubleshoot…</source>
        <translation>&amp;Fehlersuche…</translation>
    </message>
    <message>
        <source>Why does this line (not) register? (Ctrl+T)</source>
        <translation>Warum registriert sich diese Leitung (nicht)? (Strg+T)</translation>
    </message>
    <message>
        <source>&amp;Save SIP log…</source>
        <translation>SIP-Protokoll &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Line</source>
        <translation>&amp;Leitung</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Leitungen</translation>
    </message>
    <message>
        <source>Contacts and their presence will appear here.</source>
        <translation>Hier erscheinen Kontakte und ihr Status.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Your calls will be listed here.</source>
        <translation>Hier werden Ihre Anrufe aufgelistet.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Offhook — %1</source>
        <translation>Offhook — %1</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <source>No lines yet — choose New line to set one up.</source>
        <translation>Noch keine Leitungen — wählen Sie „Neue Leitung“, um eine einzurichten.</translation>
    </message>
    <message>
        <source>%1 of %2 enabled lines registered</source>
        <translation>%1 von %2 aktiven Leitungen registriert</translation>
    </message>
    <message numerus="yes">
        <source> · %n failing</source>
        <translation>
            <numerusform> · %n mit Fehler</numerusform>
            <numerusform> · %n mit Fehlern</numerusform>
        </translation>
    </message>
    <message>
        <source>Show Offhook</source>
        <translation>Offhook anzeigen</translation>
    </message>
    <message>
        <source>%1 dropped: %2</source>
        <translation>%1 getrennt: %2</translation>
    </message>
    <message>
        <source>Offhook — line dropped</source>
        <translation>Offhook — Leitung getrennt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Offhook — Start over: %1</source>
        <translation>Offhook — Neu einrichten: %1</translation>
    </message>
    <message>
        <source>Offhook — Delete line</source>
        <translation>Offhook — Leitung löschen</translation>
    </message>
    <message>
        <source>Delete the line %1?</source>
        <translation>Die Leitung %1 löschen?</translation>
    </message>
    <message>
        <source>It is unregistered and its stored password is removed. This cannot be undone.</source>
        <translation>Sie wird abgemeldet und ihr gespeichertes Passwort entfernt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete line</source>
        <translation>Leitung löschen</translation>
    </message>
</context>
<context>
    <name>Gui::PreflightPanel</name>
    <message>
        <source>Check server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look the server up and ask it over UDP, TCP and TLS whether it answers (SIP OPTIONS), without registering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server check result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Checking…&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::RegistrationTrace</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REGISTER with digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REGISTER sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as %1, to %2 over %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1 over %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — credentials rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>realm &quot;%1&quot;, %2: the server did not accept the Auth User and Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>401 challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>407 proxy challenge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>realm &quot;%1&quot;, algorithm %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registered, expires %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server did not reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for an answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network problem before sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No retry scheduled: fix the cause, then register again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::StepTrackerWidget</name>
    <message>
        <source>No registration attempt in the log yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::TroubleshooterDialog</name>
    <message>
        <source>Offhook — Troubleshoot %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click an arrow in the diagram to see its message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ladder diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export pcapng…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For Wireshark or sngrep; credentials are masked unless you turned masking off in the log pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line is registered: the server accepts calls for it. Nothing to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The line has no result yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be written to %1:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Export pcapng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Export log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet capture (*.pcapng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text log (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::WizardAdvancedPage</name>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The defaults suit most servers. Change them only if your provider asks you to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP (most common)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic uses the port in the server field, DNS SRV records, or 5060 (5061 for TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, shown to the people you call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound pro&amp;xy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration e&amp;xpiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::WizardCredentialsPage</name>
    <message>
        <source>Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server asks for these before it accepts the line. The password is kept in your system&apos;s keychain, never in Offhook&apos;s settings file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auth User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Auth User (also called authentication name, auth ID or digest user) is usually the extension itself; leave it empty for that. Some providers give a separate one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (same as the extension)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password: only a few servers accept that. Most answer 401 until one is given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::WizardProviderPage</name>
    <message>
        <source>Where is your line?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of SIP service you have. It only sets sensible defaults; you can change every field later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::WizardServerPage</name>
    <message>
        <source>Server and extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your SIP address has two parts: the extension left of the @ and the server right of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP &amp;server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Extension:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your SIP address will be:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gui::WizardTestPage</name>
    <message>
        <source>Test again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing is not available here; the line will register once it is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook registers %1 now, so you see at once whether the server accepts it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Registering…&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Registered.&lt;/b&gt; The server accepted the line for %1 seconds. Choose Finish to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not registered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go &lt;b&gt;Back&lt;/b&gt; to fix a field, or &lt;b&gt;Finish&lt;/b&gt; to keep the line as it is.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Offhook — No keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No working keychain was found to store your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook can keep passwords in a separate file readable only by you, in clear text. Otherwise they are kept in memory and asked again after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in clear text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Engine failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SIP engine could not start. Lines cannot register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offhook — Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sip::Diagnosis</name>
    <message>
        <source>proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 asks for %2 digest authentication, which Offhook cannot answer (it supports MD5). Ask the provider to allow MD5 digest for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy rejected the credentials: check the Auth User and Password (the proxy may want different credentials than the registrar).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server rejected the Auth User or Password. Check both; some carriers give a long hashed string to use as both Extension and Auth User.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 asks for a password, but none is set for this line. Enter the Password (and Auth User, if the provider gave one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not accept this extension (%1 %2): check the part left of the @ and that the account is active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not take registrations (%1 %2): check the SIP server address; it may be a proxy or a different service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the server: check the server address and port, the transport (UDP/TCP/TLS), the network cable or Wi-Fi, and any firewall between here and the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server wants a longer registration expiry than requested; raise the expiry (Offhook retries with the server&apos;s minimum automatically).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server says the account is temporarily unavailable (%1). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name could not be looked up (DNS failure%1): check the spelling of the SIP server and the network&apos;s DNS settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach the server%1: nothing is listening at that address and port, or the network refused the connection. Check the server address, port and transport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server reported a failure of its own (%1 %2); it may be down or overloaded. Offhook will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server declined the registration for good (%1 %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the registration (%1 %2); check the line&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server redirected the registration (%1 %2) to an address Offhook could not use; check the SIP server setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error in the SIP stack (%1 %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected answer %1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth User: often the same as the extension, but carriers may issue a separate one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: re-type it; it is case-sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashed carrier credentials: use the issued string as both Extension and Auth User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest algorithm offered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy credentials: the outbound proxy may need its own Auth User/Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extension: the part left of the @ must match the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIP server: the part right of the @ must be the account&apos;s domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account: the provider may have disabled or not yet activated it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address: is the name or IP right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port and transport: UDP 5060 is usual; some providers use TCP or another port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network: cable, Wi-Fi, VPN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firewall: outgoing SIP must be allowed, and answers must come back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry: raise it in the line&apos;s advanced settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server name: check its spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS: can this computer resolve names?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port and transport: is the server listening there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: it reports being down or overloaded; try later or ask the provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sip::Internal::OptionsProbe</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is not available on this system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is not available in this build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not SIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection without answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the TLS handshake failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sip::Preflight</name>
    <message>
        <source>it is not a host name or address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight check of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no SRV record %1 (%2); using port %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SRV record %1 points to %2 port %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no address (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 (A) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 (AAAA) %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending OPTIONS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered %2 %3 in %4 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing is listening there (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no answer within %2 (the server ignores this transport, or a firewall drops it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the name could not be found (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished">%1: %2</translation>
    </message>
    <message>
        <source>%1: not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server name %1 could not be found: %2. Check the spelling of the server (the part right of the @) and your network&apos;s DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is listening for SIP at %1: the address is reachable but no SIP server runs on that port. Check the server address and the port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing answered at %1. Check the server address and port, the network cable or Wi-Fi, and any firewall or VPN between you and the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answers over %1, the transport this line uses, so the line can register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It also answers over %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not answer on %1, the transport this line uses, but it does on %2. Choose %3 under Advanced (or check the port).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
