Attribute VB_Name = "XlPlans"
' xl_plans ribbon: every button on the "Service Plans" tab calls RunAction, which passes the
' button's id to Python. The actions live in the Python package (xl_plans.excel.run), so this
' module does not change when an action does; button ids are listed in xl_plans/ribbon_ids.py.
' RunPython comes from the "xlwings" module of this add-in (xlwings' custom add-in code).
' Source of truth: macros/XlPlans.bas; rebuild the add-in with "xl-plans addin build".
Option Explicit

Public Sub RunAction(control As IRibbonControl)
    ' If the Python that Excel runs cannot load xl_plans, the officer is told so in one line
    ' (xlwings shows what Python prints on stderr), not with a traceback.
    RunPython "import sys; exec('try:\n import xl_plans.excel as x\nexcept Exception as e:\n sys.exit(\'Service Plans: the Python that Excel runs (\' + sys.executable + \') cannot load xl_plans (\' + str(e) + \'). Install xl_plans for that Python, as the install guide says.\')\nx.run(\'" & control.Id & "\')')"
End Sub
