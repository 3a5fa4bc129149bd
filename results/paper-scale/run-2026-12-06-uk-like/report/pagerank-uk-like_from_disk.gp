# pagerank on uk-like from disk: median seconds vs cores, log-log; dashed lines are single-threaded medians.
# Written by cost report. Redraw with: gnuplot pagerank-uk-like_from_disk.gp

set title 'pagerank on uk-like from disk'
set xlabel 'cores (threads x processes)'
set ylabel 'seconds (median; bars: min to max)'
set logscale x 2
set logscale y 10
set xrange [0.666667:1.5]
set xtics (1)
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08
set ytics (500)
set format y '%g'
set grid xtics ytics lc rgb '#dddddd'
set key below center maxcols 1 box
set bmargin 6
set bars small
baseline_1 = 459.610569  # serial:pagerank-stream
set label 1 'serial:pagerank-stream 460 s' at graph 0.98, first baseline_1 right offset 0,0.6 front textcolor rgb '#222222'

set terminal svg size 800,500 font 'DejaVu Sans,11' background '#ffffff' noenhanced
set output 'pagerank-uk-like_from_disk.svg'
plot baseline_1 with lines dt 2 lw 2 lc rgb '#222222' title 'serial:pagerank-stream (pagerank-push), 1 thread'

set terminal pngcairo size 800,500 font 'DejaVu Sans,10' background '#ffffff' noenhanced
set output 'pagerank-uk-like_from_disk.png'
replot
unset output
