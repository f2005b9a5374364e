<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>ChecklistsPage</name>
    <message>
        <source>Checklists</source>
        <extracomment>Holds the ticks (memory only); this page shows them.</extracomment>
        <translation>Listas de verificación</translation>
    </message>
    <message>
        <source>Ticked items</source>
        <translation>Elementos marcados</translation>
    </message>
    <message>
        <source>Clear ticks</source>
        <translation>Borrar marcas</translation>
    </message>
    <message>
        <source>Clear all ticks</source>
        <translation>Borrar todas las marcas</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print this checklist with my ticks</source>
        <translation>Imprimir esta lista con mis marcas</translation>
    </message>
    <message>
        <source>Print blank…</source>
        <translation>Imprimir en blanco…</translation>
    </message>
    <message>
        <source>Print this checklist with empty boxes</source>
        <translation>Imprimir esta lista con las casillas vacías</translation>
    </message>
    <message>
        <source>Checklist items</source>
        <translation>Elementos de la lista</translation>
    </message>
    <message>
        <source>Urgent: get help now if any of these is true</source>
        <translation>Urgente: busque ayuda ahora si alguna de estas cosas es cierta</translation>
    </message>
    <message>
        <source>%1 of %2 ticked</source>
        <translation>%1 de %2 marcados</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Quiz: choose an answer</source>
        <extracomment>The menu it is listed in (&quot;file&quot;, &quot;go&quot;, &quot;view&quot;, &quot;help&quot;), or &quot;&quot; for keys only. A line above it in its menu or the toolbar. What the key does on its page (a name the page binds), or &quot;&quot; for help only. How Help shows the keys, e.g. &quot;1 … 9&quot;; translated when it is a word (&quot;Enter&quot;). Keys of the Quizzes tab (bound by ui/quiz_view.py) and of the window that are not actions.</extracomment>
        <translation>Cuestionario: elegir una respuesta</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Quiz: tick or untick the chosen answer</source>
        <translation>Cuestionario: marcar o desmarcar la respuesta elegida</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Quiz: check the answer, then go on</source>
        <translation>Cuestionario: comprobar la respuesta y luego seguir</translation>
    </message>
    <message>
        <source>Quiz: show the hint</source>
        <translation>Cuestionario: mostrar la pista</translation>
    </message>
    <message>
        <source>Quiz: move an item up</source>
        <translation>Cuestionario: subir un elemento</translation>
    </message>
    <message>
        <source>Quiz: move an item down</source>
        <translation>Cuestionario: bajar un elemento</translation>
    </message>
    <message>
        <source>Go to tab 1 to 9</source>
        <translation>Ir a la pestaña 1 a la 9</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+rueda</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Ampliar o reducir</translation>
    </message>
</context>
<context>
    <name>ContentTabs</name>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>Quizzes</source>
        <extracomment>Lesson pages by id; looking one up builds it.</extracomment>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>Listas de verificación</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
</context>
<context>
    <name>ExternalLinkDialog</name>
    <message>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>This app works offline and does not open web pages. You can copy the address and open it on another device.</source>
        <translation>Esta aplicación funciona sin internet y no abre páginas web. Puede copiar la dirección y abrirla en otro dispositivo.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copiar dirección</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiada</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this lesson</source>
        <extracomment>Holds what was typed; the box shows it.</extracomment>
        <translation>Buscar en esta lección</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Coincidencia siguiente (Enter)</translation>
    </message>
    <message>
        <source>Close find</source>
        <translation>Cerrar la búsqueda</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>GlossaryPage</name>
    <message>
        <source>Type to find a word</source>
        <extracomment>Terms drawn at a time. Drawing costs time for every character, so a keystroke that matches 2,000 long definitions draws the first of them, not all (1 MB of text takes Qt a quarter of a second); the rest are a click or a few letters away. Characters of terms and definitions drawn at a time, for glossaries with long definitions. Holds what was typed in the search box; the box shows it.</extracomment>
        <translation>Escriba para buscar una palabra</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>Buscar en el glosario</translation>
    </message>
    <message>
        <source>Number of glossary terms shown</source>
        <translation>Número de términos del glosario que se muestran</translation>
    </message>
    <message>
        <source>Show earlier terms</source>
        <translation>Mostrar términos anteriores</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>%1 of %2 terms</source>
        <extracomment>Every term that matches the search box, in order. The part of ``matching`` that is drawn: ``matching[start:end]``.</extracomment>
        <translation>%1 de %2 términos</translation>
    </message>
    <message>
        <source>%1 terms; %2 to %3 are shown. Type to find a word.</source>
        <translation>%1 términos; se muestran del %2 al %3. Escriba para buscar una palabra.</translation>
    </message>
    <message>
        <source>%1 of %2 terms match; %3 to %4 are shown. Type more of the word to narrow the list.</source>
        <translation>%1 de %2 términos coinciden; se muestran del %3 al %4. Escriba más letras de la palabra para acortar la lista.</translation>
    </message>
    <message>
        <source>Show more terms (%1 not shown)</source>
        <translation>Mostrar más términos (%1 sin mostrar)</translation>
    </message>
</context>
<context>
    <name>HandoutOutput</name>
    <message>
        <source>Print: %1</source>
        <extracomment>Makes a handout again with or without citation marks (lessons only). The last message shown, for tests and the tour.</extracomment>
        <translation>Imprimir: %1</translation>
    </message>
    <message>
        <source>No printer is set up on this computer, so nothing was printed.</source>
        <translation>No hay ninguna impresora configurada en esta computadora, así que no se imprimió nada.</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>No hay impresora</translation>
    </message>
    <message>
        <source>Please ask a member of staff.</source>
        <translation>Por favor, pida ayuda al personal.</translation>
    </message>
    <message>
        <source>You can save the handout as a PDF file instead.</source>
        <translation>En su lugar, puede guardar la hoja informativa como archivo PDF.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>No se imprimió</translation>
    </message>
    <message>
        <source>Printing to a file is turned off. Nothing was saved.</source>
        <translation>La impresión en archivo está desactivada. No se guardó nada.</translation>
    </message>
    <message>
        <source>Could not print</source>
        <translation>No se pudo imprimir</translation>
    </message>
    <message>
        <source>The handout could not be printed. Check that the printer is on and try again.</source>
        <translation>No se pudo imprimir la hoja informativa. Compruebe que la impresora esté encendida e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Sent to the printer: %1</source>
        <translation>Enviado a la impresora: %1</translation>
    </message>
    <message>
        <source>Save your answers in a file?</source>
        <translation>¿Guardar sus respuestas en un archivo?</translation>
    </message>
    <message>
        <source>The PDF file will hold your ticks or answers. Anyone who uses this computer may be able to open it. Save it anyway?</source>
        <translation>El archivo PDF contendrá sus marcas o respuestas. Cualquier persona que use esta computadora podría abrirlo. ¿Desea guardarlo de todos modos?</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the PDF</source>
        <translation>No se pudo guardar el PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado: %1</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Everything in this app works from the keyboard. Tab moves between controls.</source>
        <translation>Todo en esta aplicación funciona con el teclado. La tecla Tab pasa de un control a otro.</translation>
    </message>
    <message>
        <source>No lesson lists its sources.</source>
        <translation>Ninguna lección enumera sus fuentes.</translation>
    </message>
    <message>
        <source>Each lesson lists the sources it cites. The numbers count within that lesson.</source>
        <translation>Cada lección enumera las fuentes que cita. La numeración empieza de nuevo en cada lección.</translation>
    </message>
    <message>
        <source>Content problems (for staff)</source>
        <translation>Problemas de contenido (para el personal)</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <source>Lessons about serotonin, dopamine and addiction. For information only: it is not a diagnosis. It works offline and keeps nothing personal.</source>
        <translation>Lecciones sobre la serotonina, la dopamina y la adicción. Solo para información: no es un diagnóstico. Funciona sin internet y no guarda nada personal.</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>%1 files skipped</source>
        <translation>%1 archivos omitidos</translation>
    </message>
    <message>
        <source>Content folders in use</source>
        <translation>Carpetas de contenido en uso</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <source>Still there? Touch any key.</source>
        <extracomment>Events that mean a person is using the PC.</extracomment>
        <translation>¿Sigue ahí? Pulse cualquier tecla.</translation>
    </message>
    <message>
        <source>Seconds until the app clears itself</source>
        <translation>Segundos que faltan para que la aplicación borre todo</translation>
    </message>
    <message>
        <source>In %1 seconds this app clears your answers and ticks for the next person.</source>
        <translation>En %1 segundos, esta aplicación borrará sus respuestas y marcas para la próxima persona.</translation>
    </message>
</context>
<context>
    <name>LanguageChooser</name>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
</context>
<context>
    <name>LessonPage</name>
    <message>
        <source>Sections of %1</source>
        <translation>Secciones de %1</translation>
    </message>
    <message>
        <source>This lesson could not be shown. Please tell a member of staff.</source>
        <translation>No se pudo mostrar esta lección. Por favor, avise al personal.</translation>
    </message>
</context>
<context>
    <name>LessonRendering</name>
    <message>
        <source>About 1 minute to read</source>
        <extracomment>Citation marks are for staff (View → Show sources); off for each new person.</extracomment>
        <translation>Se lee en 1 minuto, aproximadamente</translation>
    </message>
    <message>
        <source>About %1 minutes to read</source>
        <translation>Se lee en %1 minutos, aproximadamente</translation>
    </message>
    <message>
        <source>Test yourself:</source>
        <translation>Póngase a prueba:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clinic and emergency number</source>
        <extracomment>Leaves kiosk mode; written in the README for staff. The clinic&apos;s language, which New session returns to. Only harmless preferences live here: zoom and window geometry. Everything the person at the PC did; memory only.</extracomment>
        <translation>Clínica y número de emergencias</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>In an emergency, call %1.</source>
        <translation>En caso de emergencia, marque %1.</translation>
    </message>
    <message>
        <source>New session: answers, ticks and searches were cleared.</source>
        <translation>Nueva sesión: se borraron las respuestas, las marcas y las búsquedas.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Adelante</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>Clear everything for the next person</source>
        <translation>Borrar todo para la próxima persona</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>Vista previa de impresión…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Find in lesson…</source>
        <translation>Buscar en la lección…</translation>
    </message>
    <message>
        <source>Next tab</source>
        <translation>Pestaña siguiente</translation>
    </message>
    <message>
        <source>Previous tab</source>
        <translation>Pestaña anterior</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Ampliar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Reducir</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>Tamaño normal</translation>
    </message>
    <message>
        <source>Show sources</source>
        <translation>Mostrar fuentes</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>About Serotonin Lessons</source>
        <translation>Acerca de Serotonin Lessons</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>This link does not lead anywhere.</source>
        <extracomment>Back or Forward became possible or impossible.</extracomment>
        <translation>Este enlace no lleva a ninguna parte.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Print preview: %1</source>
        <translation>Vista previa de impresión: %1</translation>
    </message>
    <message>
        <source>Pages as they will print</source>
        <translation>Páginas tal como se imprimirán</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print this handout</source>
        <translation>Imprimir esta hoja informativa</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <source>Show the pages larger</source>
        <translation>Mostrar las páginas más grandes</translation>
    </message>
    <message>
        <source>Smaller</source>
        <translation>Más pequeño</translation>
    </message>
    <message>
        <source>Show the pages smaller</source>
        <translation>Mostrar las páginas más pequeñas</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Número de páginas</translation>
    </message>
    <message>
        <source>Show citation marks</source>
        <translation>Mostrar marcas de citas</translation>
    </message>
    <message>
        <source>Print the lesson&apos;s citation marks</source>
        <translation>Imprimir las marcas de citas de la lección</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The preview could not be drawn.</source>
        <translation>No se pudo mostrar la vista previa.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 páginas</translation>
    </message>
</context>
<context>
    <name>ProblemBar</name>
    <message>
        <source>1 content file was skipped</source>
        <translation>Se omitió 1 archivo de contenido</translation>
    </message>
    <message>
        <source>%1 content files were skipped</source>
        <translation>Se omitieron %1 archivos de contenido</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Show which content files were skipped</source>
        <translation>Mostrar qué archivos de contenido se omitieron</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Content problems</source>
        <translation>Problemas de contenido</translation>
    </message>
    <message>
        <source>These files were skipped or have warnings. Run &apos;serotonin-app check&apos; for the full report.</source>
        <translation>Estos archivos se omitieron o tienen advertencias. Ejecute &apos;serotonin-app check&apos; para ver el informe completo.</translation>
    </message>
</context>
<context>
    <name>QuizText</name>
    <message>
        <source>Choose one answer.</source>
        <extracomment>Paper marks: a choice to circle or tick, and the answer key&apos;s filled-in forms. Where a worksheet&apos;s reader writes an item&apos;s place in a sequence. Paper only: the circle, box or blank before the text; the answer key fills in the right ones. On an answer key, &quot;Answer&quot; after a right choice (printed in bold with it). Markdown. Answer key of a sequence: the right order. Markdown; only on an answer key. Only when the answer was wrong. Markdown: the comments of the chosen answers, then the explanation. Only when the answer was wrong. Markdown.</extracomment>
        <translation>Elija una respuesta.</translation>
    </message>
    <message>
        <source>Choose all that apply.</source>
        <translation>Elija todas las que correspondan.</translation>
    </message>
    <message>
        <source>Write 1, 2, 3… to put these in the right order.</source>
        <translation>Escriba 1, 2, 3… para ponerlos en el orden correcto.</translation>
    </message>
    <message>
        <source>Put these in the right order. Choose an item, then move it up or down.</source>
        <translation>Ponga estos elementos en el orden correcto. Elija uno y luego súbalo o bájelo.</translation>
    </message>
    <message>
        <source>The right answer:</source>
        <translation>La respuesta correcta:</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Right!</source>
        <translation>¡Correcto!</translation>
    </message>
    <message>
        <source>Not quite.</source>
        <translation>No del todo.</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <source>Wrong</source>
        <translation>Incorrecto</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>Su respuesta:</translation>
    </message>
</context>
<context>
    <name>QuizzesPage</name>
    <message>
        <source>Quizzes</source>
        <extracomment>Holds the quiz under way and its answers (memory only); this page shows it. The quiz chosen in the list (its session, if any, is in ``reader``).</extracomment>
        <translation>Cuestionarios</translation>
    </message>
    <message>
        <source>Other quizzes</source>
        <translation>Otros cuestionarios</translation>
    </message>
    <message>
        <source>%1 (%2 questions)</source>
        <translation>%1 (%2 preguntas)</translation>
    </message>
    <message>
        <source>Start practice</source>
        <translation>Empezar práctica</translation>
    </message>
    <message>
        <source>Start practice: feedback after each question</source>
        <translation>Empezar práctica: corrección después de cada pregunta</translation>
    </message>
    <message>
        <source>Start test</source>
        <translation>Empezar prueba</translation>
    </message>
    <message>
        <source>Start test: results at the end</source>
        <translation>Empezar prueba: resultados al final</translation>
    </message>
    <message>
        <source>Practice shows if you were right, and why, after each question. Test shows your results at the end. Your answers are not saved.</source>
        <translation>La práctica le muestra después de cada pregunta si acertó y por qué. La prueba le muestra sus resultados al final. Sus respuestas no se guardan.</translation>
    </message>
    <message>
        <source>Print worksheet…</source>
        <translation>Imprimir hoja de ejercicios…</translation>
    </message>
    <message>
        <source>Print a worksheet for a group</source>
        <translation>Imprimir una hoja de ejercicios para un grupo</translation>
    </message>
    <message>
        <source>Print answer key…</source>
        <translation>Imprimir hoja de respuestas…</translation>
    </message>
    <message>
        <source>Print the answer key</source>
        <translation>Imprimir la hoja de respuestas</translation>
    </message>
    <message>
        <source>Progress</source>
        <extracomment>The Quizzes tab&apos;s words keep the context they had before the tab was split into panels. The kind of question shown, if any. False once the shown question is answered: nothing can be chosen or moved then.</extracomment>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Hint (H)</source>
        <translation>Pista (H)</translation>
    </message>
    <message>
        <source>Show a hint</source>
        <translation>Mostrar una pista</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Pista</translation>
    </message>
    <message>
        <source>How to answer</source>
        <translation>Cómo responder</translation>
    </message>
    <message>
        <source>Items to put in order</source>
        <translation>Elementos para ordenar</translation>
    </message>
    <message>
        <source>Move up (Alt+Up)</source>
        <translation>Subir (Alt+Up)</translation>
    </message>
    <message>
        <source>Move the chosen item up</source>
        <translation>Subir el elemento elegido</translation>
    </message>
    <message>
        <source>Move down (Alt+Down)</source>
        <translation>Bajar (Alt+Down)</translation>
    </message>
    <message>
        <source>Move the chosen item down</source>
        <translation>Bajar el elemento elegido</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <source>Check answer (Enter)</source>
        <translation>Comprobar respuesta (Enter)</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>Comprobar respuesta</translation>
    </message>
    <message>
        <source>Next question (Enter)</source>
        <translation>Siguiente pregunta (Enter)</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Siguiente pregunta</translation>
    </message>
    <message>
        <source>Question and answers</source>
        <translation>Pregunta y respuestas</translation>
    </message>
    <message>
        <source>Your score</source>
        <extracomment>The Quizzes tab&apos;s words keep the context they had before the tab was split into panels.</extracomment>
        <translation>Su puntuación</translation>
    </message>
    <message>
        <source>Review of your answers</source>
        <translation>Repaso de sus respuestas</translation>
    </message>
    <message>
        <source>Retry missed questions</source>
        <translation>Repetir las preguntas falladas</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Print my results…</source>
        <translation>Imprimir mis resultados…</translation>
    </message>
    <message>
        <source>Print my results</source>
        <translation>Imprimir mis resultados</translation>
    </message>
    <message>
        <source>%1 questions</source>
        <translation>%1 preguntas</translation>
    </message>
    <message>
        <source>about the lesson “%1”</source>
        <translation>sobre la lección “%1”</translation>
    </message>
    <message>
        <source>pass mark %1%</source>
        <translation>para aprobar: %1%</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <source>Save answer (Enter)</source>
        <translation>Guardar respuesta (Enter)</translation>
    </message>
    <message>
        <source>Hint:</source>
        <translation>Pista:</translation>
    </message>
    <message>
        <source>Choose an answer first.</source>
        <translation>Primero elija una respuesta.</translation>
    </message>
    <message>
        <source>See results (Enter)</source>
        <translation>Ver resultados (Enter)</translation>
    </message>
    <message>
        <source>You got %1 of %2 right (%3%).</source>
        <translation>Acertó %1 de %2 (%3%).</translation>
    </message>
    <message>
        <source>Passed: the pass mark is %1%.</source>
        <translation>Ha aprobado: la nota para aprobar es %1%.</translation>
    </message>
    <message>
        <source>Not passed yet: the pass mark is %1%.</source>
        <translation>Aún no ha aprobado: la nota para aprobar es %1%.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Lesson</source>
        <translation>Lección</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>Quiz</source>
        <translation>Cuestionario</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Lista de verificación</translation>
    </message>
    <message>
        <source>Search (Ctrl+K)</source>
        <extracomment>Seconds of index building per turn of the event loop: typing waits at most about this long. Content up to this many characters is indexed at once on the first keystroke, about 80 ms&apos; work, so its results show at once (the shipped content has about 60,000). Holds what was typed; the box shows it.</extracomment>
        <translation>Buscar (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search all lessons, quizzes, checklists and the glossary</source>
        <translation>Buscar en todas las lecciones, cuestionarios, listas de verificación y el glosario</translation>
    </message>
    <message>
        <source>Number of search results</source>
        <translation>Número de resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Getting the search ready…</source>
        <translation>Preparando la búsqueda…</translation>
    </message>
    <message>
        <source>%1 results – Enter opens the first, ↓ to choose</source>
        <translation>%1 resultados – Intro abre el primero, ↓ para elegir</translation>
    </message>
    <message>
        <source>Nothing found. Try a shorter word.</source>
        <translation>No se encontró nada. Pruebe con una palabra más corta.</translation>
    </message>
</context>
<context>
    <name>TabStrip</name>
    <message>
        <source>Tabs</source>
        <translation>Pestañas</translation>
    </message>
</context>
<context>
    <name>TranslationNote</name>
    <message>
        <source>This page is not translated yet, so it is shown in English.</source>
        <translation>Esta página todavía no está traducida, por eso se muestra en inglés.</translation>
    </message>
    <message>
        <source>This translation has not yet been checked by a clinician.</source>
        <translation>Un profesional de la salud todavía no ha revisado esta traducción.</translation>
    </message>
</context>
<context>
    <name>content.check</name>
    <message>
        <source>cannot be shown: {reason}</source>
        <translation>no se puede mostrar: {reason}</translation>
    </message>
    <message>
        <source>reading grade {grade:.1f} is above {limit:.0f} (use shorter sentences and simpler words)</source>
        <translation>el nivel de lectura {grade:.1f} supera el límite de {limit:.0f} (use frases más cortas y palabras más sencillas)</translation>
    </message>
    <message>
        <source>clinic name is not set; add name = &quot;…&quot; to your pack&apos;s clinic.toml</source>
        <translation>no se ha indicado el nombre de la clínica; agregue name = &quot;…&quot; al clinic.toml de su paquete</translation>
    </message>
    <message>
        <source>clinic phone is not set; add phone = &quot;…&quot; to your pack&apos;s clinic.toml</source>
        <translation>no se ha indicado el teléfono de la clínica; agregue phone = &quot;…&quot; al clinic.toml de su paquete</translation>
    </message>
    <message>
        <source>emergency number is still the default &apos;{default}&apos;; add emergency_number = &quot;…&quot; to your pack&apos;s clinic.toml</source>
        <translation>el número de emergencias sigue siendo el predeterminado, &apos;{default}&apos;; agregue emergency_number = &quot;…&quot; al clinic.toml de su paquete</translation>
    </message>
    <message>
        <source>quiz belongs to unknown lesson &apos;{lesson}&apos;</source>
        <translation>el cuestionario pertenece a una lección desconocida: &apos;{lesson}&apos;</translation>
    </message>
    <message>
        <source>raw HTML removed by the sanitiser: {what}</source>
        <translation>el filtro de seguridad eliminó HTML incrustado: {what}</translation>
    </message>
    <message>
        <source>link to missing section &apos;#{anchor}&apos;</source>
        <extracomment>A picture is shown on screen and printed: 1 MB is far above any diagram (the bundled ones are under 6 kB) and keeps a pack from making every lesson slow to open.</extracomment>
        <translation>enlace a una sección que no existe: &apos;#{anchor}&apos;</translation>
    </message>
    <message>
        <source>image &apos;{image}&apos; cannot be a file</source>
        <translation>la imagen &apos;{image}&apos; no puede ser un archivo</translation>
    </message>
    <message>
        <source>image &apos;{image}&apos; points outside the content folders</source>
        <translation>la imagen &apos;{image}&apos; apunta fuera de las carpetas de contenido</translation>
    </message>
    <message>
        <source>missing image &apos;{image}&apos;</source>
        <translation>falta la imagen &apos;{image}&apos;</translation>
    </message>
    <message>
        <source>image &apos;{image}&apos; is not allowed (a link, or not a regular file)</source>
        <translation>la imagen &apos;{image}&apos; no está permitida (es un enlace o no es un archivo normal)</translation>
    </message>
    <message>
        <source>image &apos;{image}&apos; is {size:.1f} MB; the limit is {limit} MB</source>
        <translation>la imagen &apos;{image}&apos; ocupa {size:.1f} MB; el límite es {limit} MB</translation>
    </message>
    <message>
        <source>lessons</source>
        <translation>lecciones</translation>
    </message>
    <message>
        <source>quizzes</source>
        <translation>cuestionarios</translation>
    </message>
    <message>
        <source>checklists</source>
        <translation>listas de verificación</translation>
    </message>
    <message>
        <source>glossary</source>
        <translation>glosario</translation>
    </message>
    <message>
        <source>language {code}: files translated / in English</source>
        <translation>idioma {code}: archivos traducidos / en inglés</translation>
    </message>
    <message>
        <source>stale (the English changed since): {count}</source>
        <translation>desactualizadas (el inglés cambió después): {count}</translation>
    </message>
    <message>
        <source>not yet reviewed by a clinician: {count}</source>
        <translation>todavía sin revisar por un profesional de la salud: {count}</translation>
    </message>
    <message>
        <source>interface strings: no .ts file</source>
        <translation>textos de la interfaz: no hay archivo .ts</translation>
    </message>
    <message>
        <source>interface strings not yet translated: {count}</source>
        <translation>textos de la interfaz todavía sin traducir: {count}</translation>
    </message>
    <message>
        <source>readability ({formula}):</source>
        <translation>legibilidad ({formula}):</translation>
    </message>
    <message>
        <source>reads at {score:.1f} on {formula}; the target is {target:.0f} or more</source>
        <translation>tiene {score:.1f} en {formula}; el objetivo es {target:.0f} o más</translation>
    </message>
    <message>
        <source>no translated_from: add translated_from: &quot;{hash}&quot; if this translates the English file as it is now, so check can tell when the English changes</source>
        <translation>falta translated_from: agregue translated_from: &quot;{hash}&quot; si esto traduce el archivo en inglés tal como está ahora, para que check sepa cuándo cambia el inglés</translation>
    </message>
    <message>
        <source>the English file changed after this was translated ({source} is {now}, translated_from is {then}): compare them, then update translated_from</source>
        <translation>el archivo en inglés cambió después de esta traducción ({source} es {now}, translated_from es {then}): compárelos y luego actualice translated_from</translation>
    </message>
    <message>
        <source>this translation has {count} questions; the English quiz has {english}</source>
        <translation>esta traducción tiene {count} preguntas; el cuestionario en inglés tiene {english}</translation>
    </message>
    <message>
        <source>question {number}: the answers or the correct ones differ from the English quiz (here {ours} of {count}, in English {theirs} of {english_count})</source>
        <translation>pregunta {number}: las respuestas o las correctas no son las del cuestionario en inglés (aquí {ours} de {count}, en inglés {theirs} de {english_count})</translation>
    </message>
    <message>
        <source>the urgent groups differ from the English checklist (here groups {ours}, in English {theirs}, counted with their number of signs): a sign must be as urgent in every language</source>
        <translation>los grupos urgentes no son los de la lista en inglés (aquí los grupos {ours}, en inglés {theirs}, con su número de señales): una señal debe ser igual de urgente en todos los idiomas</translation>
    </message>
</context>
<context>
    <name>content.checklist</name>
    <message>
        <source>checklist has {count:,} groups; the limit is {limit}</source>
        <extracomment>1-based line in the file. Markdown paragraphs written under the group (action lines, crisis numbers).</extracomment>
        <translation>la lista de verificación tiene {count:,} grupos; el límite es {limit}</translation>
    </message>
    <message>
        <source>item is ticked in the file; it is shown unticked</source>
        <translation>el elemento está marcado en el archivo; se muestra sin marcar</translation>
    </message>
    <message>
        <source>group &apos;{group}&apos; is empty</source>
        <translation>el grupo &apos;{group}&apos; está vacío</translation>
    </message>
    <message>
        <source>checklist has {count:,} items; the limit is {limit}</source>
        <translation>la lista de verificación tiene {count:,} elementos; el límite es {limit}</translation>
    </message>
    <message>
        <source>no checklist items: write items as &apos;- [ ] text&apos; under &apos;## &apos; groups</source>
        <translation>la lista de verificación no tiene elementos: escriba cada elemento como &apos;- [ ] texto&apos; debajo de grupos &apos;## &apos;</translation>
    </message>
</context>
<context>
    <name>content.front_matter</name>
    <message>
        <source>the number {number} is too large</source>
        <extracomment>Invisible characters that are not in Unicode&apos;s &quot;format&quot; category (Cf), which already holds the zero-width (U+200B-U+200D, U+2060, U+FEFF) and direction marks (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069). 1-based line in the file where ``body`` starts. 1-based file line of each top-level front-matter key.</extracomment>
        <translation>el número {number} es demasiado grande</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a real date (write YYYY-MM-DD)</source>
        <translation>&apos;{text}&apos; no es una fecha válida (escriba AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>front matter must not use YAML anchors or aliases (&apos;&amp;name&apos;, &apos;*name&apos;)</source>
        <translation>el encabezado (front matter) no debe usar anclas ni alias de YAML (&apos;&amp;name&apos;, &apos;*name&apos;)</translation>
    </message>
    <message>
        <source>front matter is nested more than {limit} levels deep</source>
        <translation>el encabezado (front matter) está anidado en más de {limit} niveles</translation>
    </message>
    <message>
        <source>missing front matter: the file must start with a &apos;---&apos; line</source>
        <translation>falta el encabezado (front matter): el archivo debe empezar con una línea &apos;---&apos;</translation>
    </message>
    <message>
        <source>front matter is not closed: add a &apos;---&apos; line after it</source>
        <translation>el encabezado (front matter) no está cerrado: agregue una línea &apos;---&apos; después de él</translation>
    </message>
    <message>
        <source>invalid YAML</source>
        <translation>YAML no válido</translation>
    </message>
    <message>
        <source>invalid front matter: {problem}</source>
        <translation>encabezado (front matter) no válido: {problem}</translation>
    </message>
    <message>
        <source>front matter must be &apos;key: value&apos; lines</source>
        <translation>el encabezado (front matter) debe estar formado por líneas &apos;clave: valor&apos;</translation>
    </message>
    <message>
        <source>front-matter key {key} is not text; ignored</source>
        <translation>la clave {key} del encabezado (front matter) no es texto; se ignora</translation>
    </message>
    <message>
        <source>unknown front-matter key &apos;{key}&apos; (ignored)</source>
        <translation>clave desconocida &apos;{key}&apos; en el encabezado (front matter); se ignora</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text</source>
        <translation>&apos;{key}&apos; debe ser texto</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is {length:,} characters long; the limit is {limit:,}</source>
        <translation>&apos;{key}&apos; tiene {length:,} caracteres; el límite es {limit:,}</translation>
    </message>
    <message>
        <source>a control character ({code})</source>
        <translation>un carácter de control ({code})</translation>
    </message>
    <message>
        <source>an invisible character ({code})</source>
        <translation>un carácter invisible ({code})</translation>
    </message>
    <message>
        <source>&apos;id&apos; must not be empty</source>
        <translation>&apos;id&apos; no puede estar vacío</translation>
    </message>
    <message>
        <source>&apos;id&apos; must not contain {what}</source>
        <translation>&apos;id&apos; no debe contener {what}</translation>
    </message>
    <message>
        <source>&apos;id&apos; is {length:,} characters long; the limit is {limit}</source>
        <translation>&apos;id&apos; tiene {length:,} caracteres; el límite es {limit}</translation>
    </message>
</context>
<context>
    <name>content.glossary</name>
    <message>
        <source>Glossary</source>
        <extracomment>The title of a glossary whose file does not give one (translated when a glossary is read).</extracomment>
        <translation>Glosario</translation>
    </message>
    <message>
        <source>definition has no term on the line above</source>
        <extracomment>1-based line of the term in its file. In dictionary order for ``language`` (:func:`text_fold.collation_key`). The language the terms are written in (``glossary.&lt;lang&gt;.md``).</extracomment>
        <translation>la definición no tiene un término en la línea anterior</translation>
    </message>
    <message>
        <source>term &apos;{term}&apos; has no letters or digits a link can use (its anchor would be empty)</source>
        <translation>el término &apos;{term}&apos; no tiene letras ni dígitos que un enlace pueda usar (su ancla quedaría vacía)</translation>
    </message>
    <message>
        <source>term &apos;{term}&apos; is defined again (first on line {line}); the later one is used</source>
        <translation>el término &apos;{term}&apos; se define otra vez (la primera, en la línea {line}); se usa la definición posterior</translation>
    </message>
    <message>
        <source>no glossary terms found (write a term, then &apos;:   definition&apos; on the next line)</source>
        <translation>no se encontraron términos del glosario (escriba un término y, en la línea siguiente, &apos;:   definición&apos;)</translation>
    </message>
    <message>
        <source>the glossary has {count:,} terms; the limit is {limit:,}</source>
        <translation>el glosario tiene {count:,} términos; el límite es {limit:,}</translation>
    </message>
</context>
<context>
    <name>content.lesson</name>
    <message>
        <source>&apos;order&apos; must be a whole number from {low} to {high}</source>
        <extracomment>Lessons without ``order`` come after the bundled ones, which use 1, 2 and 3. 1-based line of the heading in the file. The Markdown body with clinic placeholders already filled in. 1-based file line where ``body`` starts, for reporting problems in it. The source keys named in the front matter (``sources: [S1, S2]``).</extracomment>
        <translation>&apos;order&apos; debe ser un número entero entre {low} y {high}</translation>
    </message>
    <message>
        <source>&apos;sources&apos; must be a list such as [S1, S2]</source>
        <translation>&apos;sources&apos; debe ser una lista, por ejemplo [S1, S2]</translation>
    </message>
    <message>
        <source>lesson has {count:,} headings; the limit is {limit}</source>
        <translation>la lección tiene {count:,} títulos de sección; el límite es {limit}</translation>
    </message>
    <message>
        <source>lesson has no &apos;## &apos; sections</source>
        <translation>la lección no tiene secciones &apos;## &apos;</translation>
    </message>
    <message>
        <source>lesson has no &apos;## Sources&apos; section</source>
        <translation>la lección no tiene una sección &apos;## Sources&apos;</translation>
    </message>
</context>
<context>
    <name>content.library</name>
    <message>
        <source>{lessons}, {quizzes} ({questions}), {checklists} ({items}), {terms}</source>
        <extracomment>The id a glossary&apos;s translation record is filed under. ``glossary.md`` and its translations (``glossary.es.md``). The language this library is seen in (:meth:`in_language`); its content is in it where translated. Every other language&apos;s translated files. The same in every view. The library in English, of which this one is a view; None for the English library itself.</extracomment>
        <translation>{lessons}, {quizzes} ({questions}), {checklists} ({items}), {terms}</translation>
    </message>
    <message>
        <source>{n} lesson</source>
        <translation>{n} lección</translation>
    </message>
    <message>
        <source>{n} lessons</source>
        <translation>{n} lecciones</translation>
    </message>
    <message>
        <source>{n} quiz</source>
        <translation>{n} cuestionario</translation>
    </message>
    <message>
        <source>{n} quizzes</source>
        <translation>{n} cuestionarios</translation>
    </message>
    <message>
        <source>{n} question</source>
        <translation>{n} pregunta</translation>
    </message>
    <message>
        <source>{n} questions</source>
        <translation>{n} preguntas</translation>
    </message>
    <message>
        <source>{n} checklist</source>
        <translation>{n} lista de verificación</translation>
    </message>
    <message>
        <source>{n} checklists</source>
        <translation>{n} listas de verificación</translation>
    </message>
    <message>
        <source>{n} item</source>
        <translation>{n} elemento</translation>
    </message>
    <message>
        <source>{n} items</source>
        <translation>{n} elementos</translation>
    </message>
    <message>
        <source>{n} glossary term</source>
        <translation>{n} término del glosario</translation>
    </message>
    <message>
        <source>{n} glossary terms</source>
        <translation>{n} términos del glosario</translation>
    </message>
    <message>
        <source>unknown placeholder &apos;{{{key}}}&apos; (left as written)</source>
        <translation>marcador desconocido &apos;{{{key}}}&apos; (se deja tal cual)</translation>
    </message>
    <message>
        <source>duplicate id &apos;{id}&apos; (also used by {file}); file skipped</source>
        <translation>id duplicado &apos;{id}&apos; (también lo usa {file}); se omitió el archivo</translation>
    </message>
    <message>
        <source>id &apos;{id}&apos; clashes with &apos;{other_id}&apos; ({other_path}): ids must differ by more than case or look-alike characters; use exactly the same id to replace a file</source>
        <translation>el id &apos;{id}&apos; choca con &apos;{other_id}&apos; ({other_path}): los id deben diferir en algo más que mayúsculas/minúsculas o caracteres parecidos; use exactamente el mismo id para reemplazar un archivo</translation>
    </message>
    <message>
        <source>with this file the glossaries have {count:,} terms together; the limit is {limit:,}; file skipped</source>
        <translation>con este archivo, los glosarios suman {count:,} términos; el límite es {limit:,}; se omitió el archivo</translation>
    </message>
</context>
<context>
    <name>content.limits</name>
    <message>
        <source>file</source>
        <extracomment>What :func:`too_big` says is too big; callers pass one of these (marked here, translated there).</extracomment>
        <translation>el archivo</translation>
    </message>
    <message>
        <source>with the clinic&apos;s details filled in, the file</source>
        <translation>con los datos de la clínica completados, el archivo</translation>
    </message>
    <message>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>{size} kB</source>
        <translation>{size} kB</translation>
    </message>
    <message>
        <source>{size} bytes</source>
        <translation>{size} bytes</translation>
    </message>
    <message>
        <source>{what} is {found}; the limit is {limit}</source>
        <translation>{what} ocupa {found}; el límite es {limit}</translation>
    </message>
</context>
<context>
    <name>content.local_files</name>
    <message>
        <source>not shown</source>
        <extracomment>What is shown (and printed) instead of a picture, and when it has no description.</extracomment>
        <translation>no mostrada</translation>
    </message>
    <message>
        <source>[Image: {alt}]</source>
        <translation>[Imagen: {alt}]</translation>
    </message>
</context>
<context>
    <name>content.navigation</name>
    <message>
        <source>empty link</source>
        <translation>enlace vacío</translation>
    </message>
    <message>
        <source>link to section &apos;{link}&apos; outside a lesson</source>
        <translation>enlace a la sección &apos;{link}&apos; fuera de una lección</translation>
    </message>
    <message>
        <source>&apos;{scheme}:&apos; links are not opened</source>
        <translation>los enlaces &apos;{scheme}:&apos; no se abren</translation>
    </message>
    <message>
        <source>link to file &apos;{file}&apos;</source>
        <translation>enlace al archivo &apos;{file}&apos;</translation>
    </message>
    <message>
        <source>link to file &apos;{file}&apos; that cannot exist</source>
        <translation>enlace al archivo &apos;{file}&apos;, que no puede existir</translation>
    </message>
    <message>
        <source>link &apos;{link}&apos; points outside the content folders</source>
        <translation>el enlace &apos;{link}&apos; apunta fuera de las carpetas de contenido</translation>
    </message>
    <message>
        <source>missing file &apos;{file}&apos;</source>
        <translation>falta el archivo &apos;{file}&apos;</translation>
    </message>
    <message>
        <source>link to file &apos;{file}&apos;: link to a lesson, quiz or checklist instead</source>
        <translation>enlace al archivo &apos;{file}&apos;: en su lugar, enlace a una lección, un cuestionario o una lista de verificación</translation>
    </message>
    <message>
        <source>link to unknown lesson &apos;{id}&apos;</source>
        <translation>enlace a una lección desconocida: &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>link to missing section &apos;#{anchor}&apos; in lesson &apos;{id}&apos;</source>
        <translation>enlace a una sección que no existe, &apos;#{anchor}&apos;, en la lección &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>link to unknown quiz &apos;{id}&apos;</source>
        <translation>enlace a un cuestionario desconocido: &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>link to unknown checklist &apos;{id}&apos;</source>
        <translation>enlace a una lista de verificación desconocida: &apos;{id}&apos;</translation>
    </message>
    <message>
        <source>link to unknown glossary term &apos;{term}&apos;</source>
        <translation>enlace a un término del glosario desconocido: &apos;{term}&apos;</translation>
    </message>
</context>
<context>
    <name>content.problems</name>
    <message>
        <source>could not check this file: {error}</source>
        <extracomment>Set to any value to let unexpected exceptions while loading escape, with their traceback.</extracomment>
        <translation>no se pudo revisar este archivo: {error}</translation>
    </message>
    <message>
        <source>could not load this file: {error}</source>
        <translation>no se pudo cargar este archivo: {error}</translation>
    </message>
    <message>
        <source>{count:,} more problems in this file are not shown</source>
        <translation>no se muestran otros {count:,} problemas de este archivo</translation>
    </message>
</context>
<context>
    <name>content.quality_report</name>
    <message>
        <source>lesson has no &apos;## In this lesson&apos; section: start with 3 to 5 short bullets</source>
        <extracomment>The English templates, by rule; :func:`message` gives one in the current language. The headings they name (&apos;## In this lesson&apos;) are matched in English in the lesson text.</extracomment>
        <translation>la lección no tiene una sección &apos;## In this lesson&apos;: empiece con 3 a 5 viñetas breves</translation>
    </message>
    <message>
        <source>lesson has no &apos;## What you can do&apos; section: end (before Sources) with concrete steps</source>
        <translation>la lección no tiene una sección &apos;## What you can do&apos;: termine (antes de Sources) con pasos concretos</translation>
    </message>
    <message>
        <source>section &apos;{section}&apos; has {words} words; keep each section to {limit} or fewer (split or cut it)</source>
        <translation>la sección &apos;{section}&apos; tiene {words} palabras; deje cada sección en {limit} o menos (divídala o acórtela)</translation>
    </message>
    <message>
        <source>section &apos;{section}&apos; reads at grade {grade:.1f}; aim for {limit:.0f} or below (shorter sentences, simpler words)</source>
        <translation>la sección &apos;{section}&apos; tiene un nivel de lectura de {grade:.1f}; procure que sea {limit:.0f} o menos (frases más cortas, palabras más sencillas)</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; box reads at grade {grade:.1f}; safety boxes should be grade {limit:.0f} or below</source>
        <translation>el recuadro &apos;{kind}&apos; tiene un nivel de lectura de {grade:.1f}; los recuadros de seguridad deben tener un nivel de {limit:.0f} o menos</translation>
    </message>
    <message>
        <source>&apos;{term}&apos; is not in the glossary and is not explained where it is first used (explain it in the same sentence, or add it to the glossary)</source>
        <translation>&apos;{term}&apos; no está en el glosario ni se explica donde aparece por primera vez (explíquelo en la misma frase o agréguelo al glosario)</translation>
    </message>
    <message>
        <source>image &apos;{src}&apos; has no alt text: describe the picture inside ![…]</source>
        <translation>la imagen &apos;{src}&apos; no tiene texto alternativo: describa la imagen dentro de ![…]</translation>
    </message>
    <message>
        <source>image &apos;{src}&apos; has no caption: add one after the file name, ![…]({src} &quot;Caption&quot;)</source>
        <translation>la imagen &apos;{src}&apos; no tiene pie de foto: agregue uno después del nombre del archivo, ![…]({src} &quot;Pie de foto&quot;)</translation>
    </message>
    <message>
        <source>lesson names a medicine (&apos;{name}&apos;) but never says not to stop or change it without the prescriber</source>
        <translation>la lección nombra un medicamento (&apos;{name}&apos;), pero en ningún momento dice que no se debe dejar de tomar ni cambiar sin hablar con quien lo receta</translation>
    </message>
    <message>
        <source>section &apos;{section}&apos; mentions suicide or self-harm but has no box showing {{crisis_lines}}</source>
        <translation>la sección &apos;{section}&apos; menciona el suicidio o las autolesiones, pero no tiene un recuadro que muestre {{crisis_lines}}</translation>
    </message>
    <message>
        <source>sign &apos;{sign}&apos; is in an urgent group and also in a non-urgent group ({other}); give each sign one urgency</source>
        <translation>la señal &apos;{sign}&apos; está en un grupo urgente y también en uno no urgente ({other}); dé a cada señal un solo nivel de urgencia</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos; has no explanation linking to a lesson section (lesson:ID#anchor)</source>
        <translation>la pregunta &apos;{question}&apos; no tiene una explicación que enlace a una sección de una lección (lesson:ID#anchor)</translation>
    </message>
    <message>
        <source>In this lesson</source>
        <extracomment>Item names, as listed in the per-lesson score and in ``--json`` (English here, translated there). &quot;In this lesson&quot; and &quot;What you can do&quot; name the items only: the rules look for the headings&apos; English anchors (``quality.INTRO_HEADING``), whatever the language.</extracomment>
        <translation>En esta lección</translation>
    </message>
    <message>
        <source>What you can do</source>
        <translation>Qué puede hacer</translation>
    </message>
    <message>
        <source>section length</source>
        <translation>longitud de las secciones</translation>
    </message>
    <message>
        <source>section reading grade</source>
        <translation>nivel de lectura de las secciones</translation>
    </message>
    <message>
        <source>safety box reading grade</source>
        <translation>nivel de lectura de los recuadros de seguridad</translation>
    </message>
    <message>
        <source>terms explained</source>
        <translation>términos explicados</translation>
    </message>
    <message>
        <source>image alt text</source>
        <translation>texto alternativo de las imágenes</translation>
    </message>
    <message>
        <source>image captions</source>
        <translation>pies de foto de las imágenes</translation>
    </message>
    <message>
        <source>medicine reminder</source>
        <translation>aviso sobre los medicamentos</translation>
    </message>
    <message>
        <source>crisis lines</source>
        <translation>líneas de crisis</translation>
    </message>
    <message>
        <source>quiz explanations link to sections</source>
        <translation>las explicaciones de los cuestionarios enlazan a secciones</translation>
    </message>
    <message>
        <source>one urgency per sign</source>
        <translation>un solo nivel de urgencia por señal</translation>
    </message>
    <message>
        <source>clinic settings</source>
        <translation>ajustes de la clínica</translation>
    </message>
    <message>
        <source>(all content)</source>
        <extracomment>The name of the row for the whole content (lessons&apos; rows are named by their ids).</extracomment>
        <translation>(todo el contenido)</translation>
    </message>
</context>
<context>
    <name>content.quality_safety</name>
    <message>
        <source>line {line}</source>
        <extracomment>Medicines (and classes of medicine) that need a &quot;do not stop or change&quot; reminder. Matched as whole words, case-insensitively, with an optional plural &quot;s&quot;.</extracomment>
        <translation>la línea {line}</translation>
    </message>
    <message>
        <source>urgent at {place}</source>
        <translation>urgente en {place}</translation>
    </message>
</context>
<context>
    <name>content.quiz_parse</name>
    <message>
        <source>quiz has {count:,} questions; the limit is {limit}</source>
        <extracomment>quizdown-js options. The ones we use are read; the rest are accepted silently. True while lines may still belong to the last answer.</extracomment>
        <translation>el cuestionario tiene {count:,} preguntas; el límite es {limit}</translation>
    </message>
    <message>
        <source>no questions: start each question with a heading</source>
        <translation>no hay preguntas: empiece cada pregunta con un título</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be true or false</source>
        <translation>&apos;{key}&apos; debe ser true o false</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be a number from {low} to {high}</source>
        <translation>&apos;{key}&apos; debe ser un número entre {low} y {high}</translation>
    </message>
    <message>
        <source>question heading has no text: write the question after the &apos;#&apos;</source>
        <translation>el título de la pregunta no tiene texto: escriba la pregunta después del &apos;#&apos;</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos; has {count:,} answers; the limit is {limit}</source>
        <translation>la pregunta &apos;{question}&apos; tiene {count:,} respuestas; el límite es {limit}</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos; has no answer list</source>
        <translation>la pregunta &apos;{question}&apos; no tiene lista de respuestas</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos; has more than one answer list</source>
        <translation>la pregunta &apos;{question}&apos; tiene más de una lista de respuestas</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos;: single choice needs exactly one answer marked [x], found no answer</source>
        <translation>pregunta &apos;{question}&apos;: una pregunta de opción única necesita exactamente una respuesta marcada con [x], y no se encontró ninguna</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos;: single choice needs exactly one answer marked [x], found {count} answers</source>
        <translation>pregunta &apos;{question}&apos;: una pregunta de opción única necesita exactamente una respuesta marcada con [x], y se encontraron {count}</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos;: multiple choice needs at least one answer marked [x]</source>
        <translation>pregunta &apos;{question}&apos;: una pregunta de opción múltiple necesita al menos una respuesta marcada con [x]</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos;: a sequence needs at least two items</source>
        <translation>pregunta &apos;{question}&apos;: una secuencia necesita al menos dos elementos</translation>
    </message>
    <message>
        <source>question &apos;{question}&apos; has an empty answer</source>
        <translation>la pregunta &apos;{question}&apos; tiene una respuesta vacía</translation>
    </message>
</context>
<context>
    <name>content.render</name>
    <message>
        <source>Good to know</source>
        <extracomment>The title of a callout written without one, by its kind (translated when it is rendered).</extracomment>
        <translation>Es bueno saberlo</translation>
    </message>
    <message>
        <source>Talk to your clinician</source>
        <translation>Hable con su profesional de la salud</translation>
    </message>
    <message>
        <source>Get help now</source>
        <translation>Pida ayuda ahora</translation>
    </message>
    <message>
        <source>rendering took longer than {seconds:g} seconds; split the text into shorter files or simplify it</source>
        <extracomment>1-based line in the file, best effort (the first place the address appears). ``(line, what)`` for each piece of raw HTML the sanitiser removes. Ids given to headings, in document order. The language of the text being rendered: words the renderer adds are in it. The language of text rendered without saying (quiz and checklist parts of this library&apos;s view).</extracomment>
        <translation>el texto tardó más de {seconds:g} segundos en prepararse para mostrarse; divídalo en archivos más cortos o simplifíquelo</translation>
    </message>
    <message>
        <source>the text is nested too deeply to render (lists, quotes, emphasis or definitions inside each other, or very long runs of them)</source>
        <translation>el texto tiene demasiados niveles anidados para mostrarse (listas, citas, énfasis o definiciones unas dentro de otras, o series muy largas de ellas)</translation>
    </message>
</context>
<context>
    <name>content.render_budget</name>
    <message>
        <source>line {line}: {message}</source>
        <extracomment>Seconds one rendering may take before it is given up. A realistic lesson of 1 MB, the largest file the loader accepts, takes about a second on a 2-core laptop from 2020 (``benchmarks/responsiveness.py``); this leaves room for a slower clinic PC. Tables inside tables (a callout is a table too). Qt needs twice as long to lay out each extra level: 0.05 s at 12 levels, 10 s at 20. The shipped lessons use 2. Block elements inside each other in the HTML, which nh3 needs time for that grows with the square of the depth (20 s for 100,000 ``&lt;div&gt;``). Markdown reaches about two per level of list or quote, so the loader&apos;s limit of 50 levels stays well below. ``*`` or ``_`` in a row: python-markdown&apos;s emphasis parser recurses once for every few of them and runs out of stack at about 2,000. Rules (``*****``) are not counted. Each ``[`` is read up to its ``]``, or the end of the paragraph, by three link patterns. Each run of backticks is read up to a run as long, or the end of the paragraph. Each ``](`` is read up to its ``)``, or the end of the paragraph. Each ``&lt;tag`` is read up to its ``&gt;`` (``--&gt;``, ``]]&gt;``) by html.parser, across the whole text. Each inline match (link, code, emphasis, line break...) copies its whole paragraph.</extracomment>
        <translation>línea {line}: {message}</translation>
    </message>
    <message>
        <source>line is {length:,} characters long; the limit is {limit:,}</source>
        <translation>la línea tiene {length:,} caracteres; el límite es {limit:,}</translation>
    </message>
    <message>
        <source>lists and quotes are nested {depth} levels deep here; the limit is {limit}</source>
        <translation>aquí las listas y las citas están anidadas en {depth} niveles; el límite es {limit}</translation>
    </message>
    <message>
        <source>{count:,} &apos;{mark}&apos; in a row; the limit is {limit}</source>
        <translation>{count:,} &apos;{mark}&apos; seguidos; el límite es {limit}</translation>
    </message>
    <message>
        <source>too many &apos;&lt;&apos; start an HTML tag that does not end with &apos;&gt;&apos;; write &apos;&amp;lt;&apos; for a &apos;&lt;&apos; that is not part of a tag</source>
        <translation>hay demasiados &apos;&lt;&apos; que inician una etiqueta HTML que no termina con &apos;&gt;&apos;; escriba &apos;&amp;lt;&apos; para un &apos;&lt;&apos; que no forme parte de una etiqueta</translation>
    </message>
    <message>
        <source>this paragraph has too much formatting to render in time; split it into shorter paragraphs with blank lines</source>
        <extracomment>What starts the work; &quot;&quot; for work every paragraph costs. Steps allowed over the whole text. Steps for one paragraph, given how many are still allowed (it may stop counting past that). Why the text is refused, marked with ``QT_TRANSLATE_NOOP`` and translated when it is.</extracomment>
        <translation>este párrafo tiene demasiado formato para mostrarse a tiempo; divídalo en párrafos más cortos con líneas en blanco</translation>
    </message>
    <message>
        <source>too many &apos;[&apos; without a matching &apos;]&apos; (or inside each other) to render in time; write &apos;\[&apos; for a bracket that does not start a link</source>
        <translation>hay demasiados &apos;[&apos; sin su &apos;]&apos; correspondiente (o unos dentro de otros) para mostrar el texto a tiempo; escriba &apos;\[&apos; para un corchete que no inicie un enlace</translation>
    </message>
    <message>
        <source>too many &apos;`&apos; without a matching &apos;`&apos; to render in time; write &apos;\`&apos; for a backtick that does not start code</source>
        <translation>hay demasiados &apos;`&apos; sin su &apos;`&apos; correspondiente para mostrar el texto a tiempo; escriba &apos;\`&apos; para un acento grave que no inicie código</translation>
    </message>
    <message>
        <source>too many links whose &apos;(&apos; has no matching &apos;)&apos; to render in time</source>
        <translation>hay demasiados enlaces cuyo &apos;(&apos; no tiene su &apos;)&apos; correspondiente para mostrar el texto a tiempo</translation>
    </message>
    <message>
        <source>HTML blocks are nested more than {limit} levels deep</source>
        <translation>los bloques HTML están anidados en más de {limit} niveles</translation>
    </message>
    <message>
        <source>tables and callouts are nested {depth} levels deep; the limit is {limit}</source>
        <translation>las tablas y los recuadros están anidados en {depth} niveles; el límite es {limit}</translation>
    </message>
</context>
<context>
    <name>content.sanitise</name>
    <message>
        <source>{attribute}= on &lt;{tag}&gt;</source>
        <translation>{attribute}= en &lt;{tag}&gt;</translation>
    </message>
    <message>
        <source>remote image {address}</source>
        <translation>imagen remota {address}</translation>
    </message>
</context>
<context>
    <name>content.search</name>
    <message>
        <source>Glossary</source>
        <extracomment>Places ranked by reading their text, per search. More may match (a one-letter search matches nearly everything); those with the words in their title come first. Characters of a place&apos;s text read to rank it: enough to count ten uses of a word. Characters of text made plain and split into words in one step of building the index. Words checked when looking for the place to show in a snippet. Where the place is, e.g. &quot;Neurotransmitters › What dopamine does&quot;. The matched words as they appear in the text (for highlighting when opened). Plain-text snippet around the first match. The same snippet as HTML with the match in bold. Characters of text to index, roughly: what building the index costs. Stem -&gt; indexes of the entries that use a word with that stem.</extracomment>
        <translation>Glosario</translation>
    </message>
</context>
<context>
    <name>content.settings</name>
    <message>
        <source>your local emergency number</source>
        <extracomment>Said where content has {emergency_number} and the clinic gave no number (&quot;Call … now&quot;).</extracomment>
        <translation>el número de emergencias de su zona</translation>
    </message>
    <message>
        <source>This sheet is for information. It is not a diagnosis. Only a clinician can assess you. Do not stop or change any medicine without talking to your prescriber.</source>
        <translation>Esta hoja es solo informativa. No es un diagnóstico. Solo un profesional de la salud puede evaluar su caso. No deje de tomar ni cambie ningún medicamento sin hablar con quien le receta.</translation>
    </message>
    <message>
        <source>ask your clinic for a crisis line, or call {emergency_number}</source>
        <translation>pida a su clínica una línea de crisis, o marque {emergency_number}</translation>
    </message>
    <message>
        <source>your prescriber, your pharmacist or {name} on {number}</source>
        <translation>quien le receta, su farmacéutico o {name} al {number}</translation>
    </message>
    <message>
        <source>your prescriber or pharmacist</source>
        <translation>quien le receta o su farmacéutico</translation>
    </message>
    <message>
        <source>your clinic</source>
        <translation>su clínica</translation>
    </message>
    <message>
        <source>your clinic&apos;s phone number</source>
        <translation>el teléfono de su clínica</translation>
    </message>
    <message>
        <source>values are nested {depth} levels deep; the limit is {limit}</source>
        <translation>los valores están anidados en {depth} niveles; el límite es {limit}</translation>
    </message>
    <message>
        <source>invalid TOML: {error}</source>
        <translation>TOML no válido: {error}</translation>
    </message>
    <message>
        <source>invalid TOML: a number has more than {limit:,} digits</source>
        <translation>TOML no válido: un número tiene más de {limit:,} dígitos</translation>
    </message>
    <message>
        <source>invalid TOML: values are nested too deeply</source>
        <translation>TOML no válido: los valores están anidados en demasiados niveles</translation>
    </message>
    <message>
        <source>&apos;language&apos; must be a language code such as &apos;es&apos; or &apos;pt_BR&apos; (ignored)</source>
        <translation>&apos;language&apos; debe ser un código de idioma como &apos;es&apos; o &apos;pt_BR&apos; (se ignora)</translation>
    </message>
    <message>
        <source>unknown setting &apos;{key}&apos; (ignored)</source>
        <translation>ajuste desconocido &apos;{key}&apos; (se ignora)</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; cannot be set per language; move it above the first [table] in the file (ignored)</source>
        <translation>&apos;{key}&apos; no se puede definir por idioma; muévalo antes de la primera [tabla] del archivo (se ignora)</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; must be text in quotes</source>
        <extracomment>Settings that are one line of text (the disclaimer may be longer).</extracomment>
        <translation>&apos;{key}&apos; debe ser texto entre comillas</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is {length:,} characters long; the limit is {limit:,}</source>
        <translation>&apos;{key}&apos; tiene {length:,} caracteres; el límite es {limit:,}</translation>
    </message>
    <message>
        <source>&apos;idle_reset_minutes&apos; must be 0 (off) or a number of minutes from {low} to {high}</source>
        <translation>&apos;idle_reset_minutes&apos; debe ser 0 (desactivado) o un número de minutos entre {low} y {high}</translation>
    </message>
    <message>
        <source>&apos;default_zoom&apos; must be a whole number of percent from {low} to {high}</source>
        <translation>&apos;default_zoom&apos; debe ser un porcentaje entero entre {low} y {high}</translation>
    </message>
    <message>
        <source>&apos;advice_line&apos; must be {{ name = &quot;…&quot;, number = &quot;…&quot; }}, each up to {limit} characters</source>
        <translation>&apos;advice_line&apos; debe ser {{ name = &quot;…&quot;, number = &quot;…&quot; }}, cada uno de hasta {limit} caracteres</translation>
    </message>
    <message>
        <source>&apos;crisis_lines&apos; has {count:,} lines; the limit is {limit}</source>
        <translation>&apos;crisis_lines&apos; tiene {count:,} líneas; el límite es {limit}</translation>
    </message>
    <message>
        <source>&apos;crisis_lines&apos; must be a list of {{ name = &quot;…&quot;, number = &quot;…&quot; }}, each up to {limit} characters</source>
        <translation>&apos;crisis_lines&apos; debe ser una lista de {{ name = &quot;…&quot;, number = &quot;…&quot; }}, cada uno de hasta {limit} caracteres</translation>
    </message>
    <message>
        <source>&apos;emergency_number&apos; must not be empty</source>
        <translation>&apos;emergency_number&apos; no puede estar vacío</translation>
    </message>
</context>
<context>
    <name>content.source</name>
    <message>
        <source>a folder</source>
        <extracomment>What a file that is not a regular file is, in words (translated where it is shown).</extracomment>
        <translation>una carpeta</translation>
    </message>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation>una tubería con nombre (FIFO)</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un dispositivo de caracteres</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>un dispositivo de bloques</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>un tipo de archivo especial</translation>
    </message>
    <message>
        <source>cannot read folder: {reason}</source>
        <extracomment>What cannot be read: a file or a folder.</extracomment>
        <translation>no se puede leer la carpeta: {reason}</translation>
    </message>
    <message>
        <source>cannot read file: {reason}</source>
        <translation>no se puede leer el archivo: {reason}</translation>
    </message>
    <message>
        <source>refused: this folder is a link to {target}, outside the content folder {root}</source>
        <translation>rechazado: esta carpeta es un enlace a {target}, fuera de la carpeta de contenido {root}</translation>
    </message>
    <message>
        <source>refused: this file is a link to {target}, outside the content folder {root}</source>
        <translation>rechazado: este archivo es un enlace a {target}, fuera de la carpeta de contenido {root}</translation>
    </message>
    <message>
        <source>it is a link that loops back on itself</source>
        <translation>es un enlace circular, que apunta a sí mismo</translation>
    </message>
    <message>
        <source>a missing file</source>
        <translation>un archivo desconocido</translation>
    </message>
    <message>
        <source>it is a link to {target}, which does not exist</source>
        <translation>es un enlace a {target}, que no existe</translation>
    </message>
    <message>
        <source>it is {kind}, not a regular file</source>
        <translation>es {kind}, no un archivo normal</translation>
    </message>
    <message>
        <source>it is a file, not a folder</source>
        <translation>es un archivo, no una carpeta</translation>
    </message>
    <message>
        <source>file name {name} is not valid UTF-8; rename the file</source>
        <translation>el nombre de archivo {name} no es UTF-8 válido; cambie el nombre del archivo</translation>
    </message>
    <message>
        <source>file name contains {what}; rename the file</source>
        <translation>el nombre del archivo contiene {what}; cambie el nombre del archivo</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte:02x}); save the file as UTF-8</source>
        <translation>no es UTF-8 válido (byte 0x{byte:02x}); guarde el archivo como UTF-8</translation>
    </message>
    <message>
        <source>line is {length:,} characters long; the limit is {limit:,}</source>
        <translation>la línea tiene {length:,} caracteres; el límite es {limit:,}</translation>
    </message>
    <message>
        <source>lists and quotes are nested {depth} levels deep here; the limit is {limit}</source>
        <translation>aquí las listas y las citas están anidadas en {depth} niveles; el límite es {limit}</translation>
    </message>
    <message>
        <source>file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>This handout is not translated yet, so it is printed in English.</source>
        <extracomment>A checklist item&apos;s box, blank and ticked. Handout text is translated in the context &quot;printing&quot;; lupdate reads translate(&quot;printing&quot;, &quot;…&quot;). Used for file names in ``export all``. Pictures are looked up relative to ``base`` and only inside ``roots`` (see content/local_files.py). A line for the footer of every page about the handout&apos;s language, or &quot;&quot;. The body is in a right-to-left language (Arabic, Hebrew, Persian, Urdu).</extracomment>
        <translation>Esta hoja todavía no está traducida, por eso se imprime en inglés.</translation>
    </message>
    <message>
        <source>Translation not yet checked by a clinician.</source>
        <translation>Traducción todavía no revisada por un profesional de la salud.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <source>Emergency: %1</source>
        <extracomment>The marks content/render.py makes from ``[S12]``, with the space before them. A lesson&apos;s ``## Sources`` section, up to the next ``##`` heading or the end.</extracomment>
        <translation>Emergencias: %1</translation>
    </message>
    <message>
        <source>Crisis lines: %1</source>
        <translation>Líneas de crisis: %1</translation>
    </message>
    <message>
        <source>answer key</source>
        <translation>hoja de respuestas</translation>
    </message>
    <message>
        <source>My results: %1</source>
        <translation>Mis resultados: %1</translation>
    </message>
    <message>
        <source>Score: %1 of %2 (%3%)</source>
        <translation>Puntuación: %1 de %2 (%3%)</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <extracomment>Header and footer text is translated in the context &quot;printing&quot;, as the handouts&apos; is. The body runs in its text&apos;s direction; header and footer (interface language) in the window&apos;s.</extracomment>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>Printed %1</source>
        <translation>Impreso el %1</translation>
    </message>
    <message>
        <source>could not start printing</source>
        <extracomment>Territories that use US Letter paper; everyone else gets A4. Every handout is laid out at this resolution: on paper, in PDFs and in the preview.</extracomment>
        <translation>no se pudo iniciar la impresión</translation>
    </message>
</context>
</TS>
