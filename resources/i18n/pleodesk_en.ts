<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DataFolderBox</name>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message numerus="yes">
        <source>Asking Pleo what {month} holds… pleodesk has exported %n expense(s) of it so far.</source>
        <translation>
            <numerusform>Asking Pleo what {month} holds… pleodesk has exported %n expense of it so far.</numerusform>
            <numerusform>Asking Pleo what {month} holds… pleodesk has exported %n expenses of it so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading {month} from Pleo: %n expense(s) waiting for export so far, {total}…</source>
        <translation>
            <numerusform>Reading {month} from Pleo: %n expense waiting for export so far, {total}…</numerusform>
            <numerusform>Reading {month} from Pleo: %n expenses waiting for export so far, {total}…</numerusform>
        </translation>
    </message>
</context>
</TS>
