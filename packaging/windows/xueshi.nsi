; 学时手册 (xueshi): the Windows installer, built by scripts/build-windows.sh with Debian's makensis.
;
; A per-user install (no administrator rights) into %LOCALAPPDATA%\Programs\xueshi: the desktop app,
; the command line xueshi.exe beside it, WebView2Loader.dll, the bundled font and the licences;
; Start-menu and desktop shortcuts named 学时手册; an uninstall entry under HKCU. It tells the user
; in Chinese when the WebView2 runtime is missing or when the program is still running. The
; uninstaller asks before it deletes the user's data folder (default and silent: keep it).
; The optional photo recognition add-on (xueshi-ocr.nsi) installs its files into the same folder:
; installing or upgrading the program leaves them in place, uninstalling removes them too.
;
; Defined by the build script (makensis -D…):
;   VERSION      the workspace version, e.g. 0.1.0
;   VERSION4     the same as four numbers for the file properties, e.g. 0.1.0.0
;   STAGE        the folder holding exactly the files to install (see build-windows.sh)
;   ICON         icons/icon.ico
;   OUTFILE      the installer to write
; and optionally
;   FAST_COMPRESSION  zlib instead of solid LZMA (the unoptimised test builds: 270 MB of
;                     programs take minutes to compress with LZMA, seconds with zlib)

Unicode true
Target amd64-unicode
!ifdef FAST_COMPRESSION
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif
ManifestDPIAware true
RequestExecutionLevel user

!macro XUESHI_REQUIRE NAME
  !ifndef ${NAME}
    !error "缺少 ${NAME}：请用 scripts/build-windows.sh 构建安装程序"
  !endif
!macroend
!insertmacro XUESHI_REQUIRE VERSION
!insertmacro XUESHI_REQUIRE VERSION4
!insertmacro XUESHI_REQUIRE STAGE
!insertmacro XUESHI_REQUIRE ICON
!insertmacro XUESHI_REQUIRE OUTFILE

!define PRODUCT "学时手册"
!define PUBLISHER "学时手册的作者们"
; The app's data folder (%APPDATA%\<identifier>) and the one before the identifier changed.
!define DATA_ID "cn.xueshi.handbook"
!define OLD_DATA_ID "com.xueshi.app"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\xueshi"
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_PAGE "https://developer.microsoft.com/zh-cn/microsoft-edge/webview2/"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
; The programs' names and the check for a running one (makensis reads it from this folder).
!include "running.nsh"

Name "${PRODUCT}"
Caption "${PRODUCT} ${VERSION} 安装"
UninstallCaption "${PRODUCT} 卸载"
BrandingText "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\xueshi"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_ABORTWARNING_TEXT "确定要退出学时手册的安装吗？"

!define MUI_WELCOMEPAGE_TEXT "将在这台电脑上安装学时手册 ${VERSION}：记录继续教育学时、折算、导出申报材料包。$\r$\n$\r$\n只为当前用户安装，不需要管理员权限。您的学时记录和证明材料保存在另外的数据文件夹中，升级或卸载程序都不会动它们。$\r$\n$\r$\n如果学时手册正在运行，请先关闭它，再点“下一步”。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开学时手册"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© 2026 ${PUBLISHER}（MIT 许可证）"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"

!insertmacro XUESHI_FIND_RUNNING ""
!insertmacro XUESHI_FIND_RUNNING "un."

Section "学时手册" SecMain
  SectionIn RO
  Call XueshiEnsureClosed
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}\${APP_EXE}"
  File "${STAGE}\${CLI_EXE}"
  File "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\LICENSE.txt"
  File "${STAGE}\THIRD-PARTY-LICENSES.txt"
  SetOutPath "$INSTDIR\fonts"
  File "${STAGE}\fonts\NotoSerifCJKsc-Regular-GB2312.otf"
  File "${STAGE}\fonts\OFL.txt"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
SectionEnd

; The app's window needs the Evergreen WebView2 runtime: it registers a version "pv" under
; EdgeUpdate\Clients (machine-wide: the 32-bit registry view; per user: HKCU). A missing, empty or
; 0.0.0.0 version means it is not installed. The program is installed either way.
Section "-WebView2" SecWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 != ""
  ${AndIf} $0 != "0.0.0.0"
    DetailPrint "已找到 Microsoft Edge WebView2 运行时 $0"
    Return
  ${EndIf}
  DetailPrint "没有找到 Microsoft Edge WebView2 运行时：请从 ${WEBVIEW2_PAGE} 下载安装常青版（Evergreen）。"
  MessageBox MB_YESNO|MB_ICONINFORMATION "学时手册已经安装好，但这台电脑还没有“Microsoft Edge WebView2 运行时”，学时手册的窗口需要它才能显示。$\r$\n$\r$\n请到微软官网下载并安装 WebView2 运行时的常青版（Evergreen，选“常青版引导程序”即可）：$\r$\n${WEBVIEW2_PAGE}$\r$\n$\r$\n安装它不影响您的数据，装好后再打开学时手册即可。Windows 11 和已更新的 Windows 10 通常已经自带。命令行程序 xueshi.exe 不需要它。$\r$\n$\r$\n现在打开下载页面吗？" /SD IDNO IDNO done
  ExecShell "open" "${WEBVIEW2_PAGE}"
  done:
SectionEnd

Section "Uninstall"
  Call un.XueshiEnsureClosed
  SetShellVarContext current

  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\LICENSE.txt"
  Delete "$INSTDIR\THIRD-PARTY-LICENSES.txt"
  Delete "$INSTDIR\fonts\NotoSerifCJKsc-Regular-GB2312.otf"
  Delete "$INSTDIR\fonts\OFL.txt"
  RMDir "$INSTDIR\fonts"
  ; The photo recognition add-on's files (xueshi-ocr.nsi), when it was installed.
  Delete "$INSTDIR\${OCR_EXE}"
  Delete "$INSTDIR\THIRD-PARTY-LICENSES-OCR.txt"
  Delete "$INSTDIR\models\ocr\PP-OCRv6_det_small.onnx"
  Delete "$INSTDIR\models\ocr\PP-OCRv6_rec_small.onnx"
  Delete "$INSTDIR\models\ocr\LICENSE"
  Delete "$INSTDIR\models\ocr\MODEL_LICENSES.md"
  RMDir "$INSTDIR\models\ocr"
  RMDir "$INSTDIR\models"
  Delete "$INSTDIR\uninstall.exe"
  ; Not /r: the folder may hold files the user put there.
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"
  ; The check at login (设置 → 提醒 → 登录电脑时检查提醒) points at the program: it goes with it.
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "${PRODUCT}"
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "${PRODUCT}"

  ; The window's WebView2 cache (not the user's data) goes with the program.
  RMDir /r "$LOCALAPPDATA\${DATA_ID}\EBWebView"
  RMDir "$LOCALAPPDATA\${DATA_ID}"
  RMDir /r "$LOCALAPPDATA\${OLD_DATA_ID}\EBWebView"
  RMDir "$LOCALAPPDATA\${OLD_DATA_ID}"

  ; The user's records, evidence and backups stay unless they say otherwise.
  ${IfNot} ${FileExists} "$APPDATA\${DATA_ID}\*.*"
  ${AndIfNot} ${FileExists} "$APPDATA\${OLD_DATA_ID}\*.*"
    Return
  ${EndIf}
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "是否同时删除您的学时记录、证明材料和备份？$\r$\n$\r$\n数据文件夹：$APPDATA\${DATA_ID}$\r$\n$\r$\n选“否”（推荐）会保留这些数据，以后重新安装学时手册即可继续使用。$\r$\n选“是”会永久删除它们，无法恢复。" /SD IDNO IDYES remove
  DetailPrint "已保留数据文件夹 $APPDATA\${DATA_ID}"
  Return
  remove:
  RMDir /r "$APPDATA\${DATA_ID}"
  RMDir /r "$APPDATA\${OLD_DATA_ID}"
  DetailPrint "已删除数据文件夹 $APPDATA\${DATA_ID}"
SectionEnd
