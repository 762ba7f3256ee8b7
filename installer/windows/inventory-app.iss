; Inno Setup 6 script: per-machine installer for the School device inventory (Windows 10/11, x64).
;
; Build (on Windows, after `python installer\build.py` has made dist\inventory-app\):
;     iscc /DAppVersion=0.1.0 installer\windows\inventory-app.iss
; Output: dist\installer\inventory-app-<version>-setup.exe
;
; MASS DEPLOYMENT (SCCM, Intune, PDQ, a GPO start-up script) - run as administrator / SYSTEM:
;   install or upgrade : inventory-app-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%WINDIR%\Temp\inventory-setup.log"
;     options          : /DIR="D:\Apps\Inventory" (another folder)  /MERGETASKS="desktopicon" (also a desktop icon)
;   uninstall          : "%ProgramFiles%\School Device Inventory\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%WINDIR%\Temp\inventory-uninstall.log"
;   detection rule     : HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{4564DCB5-3C7C-4048-A0FF-49212B5930E1}_is1
;                        value DisplayVersion = the installed version (QuietUninstallString is written too)
;   exit codes         : 0 ok; see https://jrsoftware.org/ishelp/index.php?topic=setupexitcodes for the rest
; Running the installer again with a newer version upgrades in place (same AppId, same folder); a running
; copy of the app is closed first through the Restart Manager.
;
; USER DATA is never in the program folder: the app writes only to the user's own folders
;   %LOCALAPPDATA%\EducationDepartment\SchoolDeviceInventory\   (store inventory.sqlite, backups\)
;   %LOCALAPPDATA%\EducationDepartment\SchoolDeviceInventory\Logs\   (log files)
;   %LOCALAPPDATA%\EducationDepartment\SchoolDeviceInventory\   (config.json)
; so upgrades and uninstalls leave the store, its backups and the logs in place. This script deliberately
; has no [UninstallDelete] entry for them.
;
; VISUAL C++ RUNTIMES: python311.dll needs vcruntime140.dll / vcruntime140_1.dll (VC++ 2015-2022), which
; PyInstaller always copies into the bundle. pyzbar's libzbar-64.dll needs msvcr120.dll (VC++ 2013);
; PyInstaller copies it into the bundle (app-local, allowed by Microsoft's redistribution terms) when
; the build machine has the "Visual C++ 2013 Redistributable (x64)" installed - build.py's selftest
; fails if zbar cannot load, so a bundle without it is caught. As a second line, put Microsoft's
; vcredist_x64.exe (VC++ 2013, 12.0.40664) into installer\windows\redist\ before compiling: it is then
; carried along and run silently when the target machine lacks msvcr120.dll. See installer\windows\README.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "School Device Inventory"
#define AppExe "inventory-app.exe"
#define BundleDir "..\..\dist\inventory-app"

[Setup]
; AppId: fixed forever. It is how Windows and this installer recognise an installed copy to upgrade
; or uninstall. NEVER change it; a new AppId would install a second copy beside the first.
; AppId GUID = 4564DCB5-3C7C-4048-A0FF-49212B5930E1
AppId={{4564DCB5-3C7C-4048-A0FF-49212B5930E1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=City Education Department
AppComments=Audit, sync and report the schools' IT devices
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} installer
VersionInfoCompany=City Education Department
; Per-machine install into Program Files; needs administrator rights.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icons\inventory.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist\installer
OutputBaseFilename=inventory-app-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "finnish"; MessagesFile: "compiler:Languages\Finnish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no file of the previous version lingers next to the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\inventory-cli.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
; Optional VC++ 2013 redistributable (see the header); skipped when it was not put there.
Source: "redist\vcredist_x64.exe"; DestDir: "{tmp}"; Flags: deleteafterinstall skipifsourcedoesntexist

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Comment: "Audit school IT devices"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{tmp}\vcredist_x64.exe"; Parameters: "/install /quiet /norestart"; StatusMsg: "Installing the Visual C++ 2013 runtime..."; Check: NeedsVCRedist2013; Flags: waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[Code]
function NeedsVCRedist2013: Boolean;
begin
  // Only when the redistributable was carried along and the machine has no VC++ 2013 runtime.
  Result := FileExists(ExpandConstant('{tmp}\vcredist_x64.exe')) and
            not FileExists(ExpandConstant('{sys}\msvcr120.dll'));
end;
