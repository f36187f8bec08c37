; 学时手册 照片识别组件 (xueshi-ocr): the optional Windows add-on that lets 学时手册 read photos and
; scans of certificates, built by scripts/build-windows.sh with Debian's makensis.
;
; It installs the OCR helper xueshi-ocr.exe and its models (models\ocr\: the PP-OCRv6 small
; detection and recognition models with their licence and attribution notice) into the folder
; where 学时手册 is installed (InstallLocation of the main installer's uninstall entry under HKCU),
; where the app and xueshi.exe look for it. It refuses, in Chinese, when 学时手册 is not installed,
; and stops when one of the installed programs is running (as the main installer does). It has no
; uninstaller of its own: 学时手册's uninstaller removes these files with the program, and
; reinstalling or upgrading 学时手册 leaves them in place. Silent with /S.
;
; Defined by the build script (makensis -D…):
;   VERSION      the workspace version, e.g. 0.1.0
;   VERSION4     the same as four numbers for the file properties, e.g. 0.1.0.0
;   STAGE        the folder holding exactly the files to install (see build-windows.sh)
;   ICON         icons/icon.ico
;   OUTFILE      the installer to write
; and optionally
;   FAST_COMPRESSION  zlib instead of solid LZMA (the unoptimised test builds)

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
!define ADDON "学时手册 照片识别组件"
!define PUBLISHER "学时手册的作者们"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\xueshi"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
; The programs' names and the check for a running one (makensis reads it from this folder).
!include "running.nsh"

Name "${ADDON}"
Caption "${ADDON} ${VERSION} 安装"
BrandingText "${ADDON} ${VERSION}"
OutFile "${OUTFILE}"
; Replaced in .onInit by the folder 学时手册 is installed in.
InstallDir "$LOCALAPPDATA\Programs\xueshi"
ShowInstDetails show

!define MUI_ICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_ABORTWARNING_TEXT "确定要退出照片识别组件的安装吗？"

!define MUI_WELCOMEPAGE_TITLE "安装${ADDON}"
!define MUI_WELCOMEPAGE_TEXT "照片识别组件让学时手册能读出证书照片和扫描件上的文字（姓名、学时、日期、证书编号等），自动填入新记录。它完全在这台电脑上运行，不联网。$\r$\n$\r$\n将安装到学时手册所在的文件夹：$\r$\n$INSTDIR$\r$\n$\r$\n不装它也能使用学时手册：照片和扫描件的内容需要手动填写。卸载学时手册时它会一并删除。$\r$\n$\r$\n如果学时手册正在运行，请先关闭它，再点“下一步”。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "照片识别组件已经装好。把证书的照片或扫描件拖到学时手册的记录列表上（或在列表上按 Ctrl+V 粘贴截图），就会读出其中的内容，供您核对后保存。"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${ADDON}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${ADDON} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© 2026 ${PUBLISHER}（MIT 许可证；识别模型：Apache 许可证 2.0）"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"

!insertmacro XUESHI_FIND_RUNNING ""

; The add-on goes where 学时手册 is: the folder its installer recorded, if the program is still there.
Function .onInit
  ReadRegStr $0 HKCU "${UNINSTKEY}" "InstallLocation"
  ${If} $0 == ""
  ${OrIfNot} ${FileExists} "$0\${APP_EXE}"
    MessageBox MB_OK|MB_ICONEXCLAMATION "这台电脑上还没有安装学时手册，照片识别组件无法单独使用。$\r$\n$\r$\n请先运行学时手册的安装程序（xueshi_${VERSION}_x64-setup.exe），再运行本程序。" /SD IDOK
    SetErrorLevel 2
    Quit
  ${EndIf}
  StrCpy $INSTDIR $0
FunctionEnd

Section "照片识别组件" SecOcr
  SectionIn RO
  Call XueshiEnsureClosed
  SetOutPath "$INSTDIR"
  File "${STAGE}\${OCR_EXE}"
  File "${STAGE}\THIRD-PARTY-LICENSES-OCR.txt"
  SetOutPath "$INSTDIR\models\ocr"
  File "${STAGE}\models\ocr\PP-OCRv6_det_small.onnx"
  File "${STAGE}\models\ocr\PP-OCRv6_rec_small.onnx"
  File "${STAGE}\models\ocr\LICENSE"
  File "${STAGE}\models\ocr\MODEL_LICENSES.md"
  SetOutPath "$INSTDIR"
  ; 设置 → 应用 shows the program's size with the add-on.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" "$0"
  DetailPrint "照片识别组件已安装到 $INSTDIR"
SectionEnd
