Attribute VB_Name = "XlPlans"
' xl_plans ribbon: every button on the "Service Plans" tab calls RunAction, which passes the
' button's id to Python. The actions live in the Python package (xl_plans.excel.run), so this
' module does not change when an action does; button ids are listed in xl_plans/ribbon_ids.py.
' RunPython comes from the "xlwings" module of this add-in (xlwings' custom add-in code).
' Source of truth: macros/XlPlans.bas; rebuild the add-in with "xl-plans addin build".
Option Explicit

Public Sub RunAction(control As IRibbonControl)
    RunPython "import xl_plans.excel as x; x.run('" & control.Id & "')"
End Sub
