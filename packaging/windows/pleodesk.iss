; Inno Setup script for pleodesk: a per-user installer (no administrator rights needed) of the
; PyInstaller one-folder bundle. build_installer.py runs it on Windows when ISCC.exe is found:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\pleodesk /DOutputDir=dist /DIconFile=build\icons\pleodesk.ico packaging\windows\pleodesk.iss
; An upgrade installs over the old version (same AppId). Uninstalling removes the program and its
; shortcuts; the data in %LOCALAPPDATA%\pleodesk and the secrets in Windows Credential Manager stay.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\pleodesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6F1B7C52-3D3E-4B8A-9C55-6E0D2C1A9F41}
AppName=pleodesk
AppVersion={#AppVersion}
AppVerName=pleodesk {#AppVersion}
AppPublisher=pleodesk
DefaultDirName={autopf}\pleodesk
DefaultGroupName=pleodesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#OutputDir}
OutputBaseFilename=pleodesk-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\pleodesk.exe
UninstallDisplayName=pleodesk
CloseApplications=yes
#ifdef IconFile
SetupIconFile={#IconFile}
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program files as a whole (old libraries must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\pleodesk"; Filename: "{app}\pleodesk.exe"
Name: "{group}\{cm:UninstallProgram,pleodesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\pleodesk"; Filename: "{app}\pleodesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\pleodesk.exe"; Description: "{cm:LaunchProgram,pleodesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"
