; 学时手册 (xueshi): the check both Windows installers (xueshi.nsi, xueshi-ocr.nsi) and the
; uninstaller make before they replace or delete files: is one of the installed programs running?
; Included after MUI2.nsh and LogicLib.nsh; only defines: the functions are made where a script inserts
; XUESHI_FIND_RUNNING. They use $INSTDIR, $R0 and $R1.

!define APP_EXE "xueshi-app.exe"
!define CLI_EXE "xueshi.exe"
!define OCR_EXE "xueshi-ocr.exe"

; Sets $R0 to the Chinese name of the first program in $INSTDIR that is running (Windows refuses to
; open a running .exe for writing), or to "" when none is. Opens only files that exist: the append
; mode would create a missing one.
!macro XUESHI_CHECK_RUNNING FILE LABEL
  ${If} $R0 == ""
  ${AndIf} ${FileExists} "$INSTDIR\${FILE}"
    ClearErrors
    FileOpen $R1 "$INSTDIR\${FILE}" a
    ${If} ${Errors}
      StrCpy $R0 "${LABEL}"
    ${Else}
      FileClose $R1
    ${EndIf}
  ${EndIf}
!macroend

!macro XUESHI_FIND_RUNNING UN
Function ${UN}XueshiFindRunning
  StrCpy $R0 ""
  !insertmacro XUESHI_CHECK_RUNNING "${APP_EXE}" "学时手册（${APP_EXE}）"
  !insertmacro XUESHI_CHECK_RUNNING "${CLI_EXE}" "命令行程序 ${CLI_EXE}"
  !insertmacro XUESHI_CHECK_RUNNING "${OCR_EXE}" "文字识别程序 ${OCR_EXE}"
FunctionEnd

; Waits until the user has closed the running program; Cancel (and silent mode) stops with
; a message instead of failing on a file in use.
Function ${UN}XueshiEnsureClosed
  ${Do}
    Call ${UN}XueshiFindRunning
    ${If} $R0 == ""
      Return
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$R0 正在运行，它的文件无法替换或删除。$\r$\n$\r$\n请先关闭学时手册的窗口（以及正在运行的命令行程序），然后点“重试”。" /SD IDCANCEL IDRETRY check_again
    DetailPrint "$R0 正在运行：请关闭它以后重新运行本程序。"
    SetErrorLevel 2
    Abort "$R0 正在运行：请关闭它以后重新运行本程序。"
    check_again:
  ${Loop}
FunctionEnd
!macroend
